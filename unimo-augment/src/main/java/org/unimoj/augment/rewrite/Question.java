package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.graph.GraphSupport;
import org.unimoj.augment.lexicon.Predicate;
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Sentence-pattern change, statement to yes/no question (for question-style training data; a move
 * the paper left out): "the man is riding a horse" becomes "Is the man riding a horse?", "a man is
 * riding a horse" and "a man riding a horse" become "Is there a man riding a horse?", "the man rides
 * a horse" becomes "Does the man ride a horse?". Its answer is "yes", so it is tagged positive: the
 * pair (image, question) is consistent. Only one-clause captions are asked. Setting: none.
 */
public final class Question implements RewriterProvider {

    public static final String NAME = "question";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.SENTENCE;
    }

    @Override
    public Polarity polarity() {
        return Polarity.POSITIVE;
    }

    @Override
    public String description() {
        return "turn the caption into a yes/no question whose answer is yes";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Asker(this, context);
    }

    private static final class Asker extends GraphRewriter {

        Asker(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 1);
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !original.negated() && !original.question() && original.clauses().size() == 1;
        }

        @Override
        protected Candidate propose(ParsedCaption p, RewriteRequest request, RandomGenerator random, int attempt) {
            ParsedCaption.Clause c = p.clauses().get(0);
            List<String> t = p.tokens();
            int e = c.subjects().get(0);
            boolean plural = Clauses.plural(p, c);
            boolean definite = c.subjects().size() == 1 && Clauses.definite(p, e, lexicon);
            int start = p.phrases().get(e).start();
            List<String> out = new ArrayList<>();
            if (c.existential()) {
                if (t.size() < 2 || !t.get(0).equals("there")) {
                    return null;
                }
                out.add(t.get(1));
                out.add("there");
                out.addAll(t.subList(2, t.size()));
                return question(out, "there is -> is there");
            }
            if (c.aux() >= 0 && c.relation() >= 0) {
                if (start != 0 || c.aux() < start) {
                    return null;
                }
                out.add(t.get(c.aux()));
                if (!definite) {
                    out.add("there");
                }
                out.addAll(t.subList(0, c.aux()));
                out.addAll(t.subList(c.aux() + 1, t.size()));
                return question(out, definite ? "aux first" : "is there");
            }
            if (c.relation() >= 0) {
                SceneGraph.Relation r = p.graph().relations().get(c.relation());
                ParsedCaption.RelationSyntax s = p.relations().get(c.relation());
                if (start != 0 || s.form() != PredicateForm.THIRD_PERSON && s.form() != PredicateForm.PLURAL_PRESENT) {
                    return null;
                }
                Predicate pred = lexicon.predicate(r.predicate());
                List<String> verb = definite ? pred.pluralPresent() : pred.participle();
                if (verb.isEmpty()) {
                    return null;
                }
                out.add(definite ? (plural ? "do" : "does") : Edits.be(plural));
                if (!definite) {
                    out.add("there");
                }
                out.addAll(t.subList(0, r.span().start()));
                out.addAll(verb);
                out.addAll(t.subList(r.span().end(), t.size()));
                return question(out, definite ? "does" : "is there");
            }
            if (c.aux() >= 0) {
                return null;
            }
            out.add(Edits.be(plural));
            out.add("there");
            out.addAll(t.subList(start, t.size()));
            if (definite && !plural && out.get(2).equals("the")) {
                out.set(2, "a"); // "is there the guy" is no question: "is there a guy"
            }
            return question(out, "is there");
        }

        private static Candidate question(List<String> tokens, String detail) {
            return new Candidate(Edits.fixArticles(tokens), true, detail);
        }

        @Override
        protected boolean accept(ParsedCaption original, ParsedCaption rewritten, RewriteRequest request) {
            return rewritten.question() && !rewritten.negated() && entailment.equivalent(original.graph(), rewritten.graph())
                    && support.check(request.imageGraph(), rewritten.graph()) == GraphSupport.Support.SUPPORTED;
        }
    }
}
