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
 * Sentence-pattern change, negation (a hard negative; a move the paper left out). The first clause
 * is negated so that the sentence denies what the caption asserts: an indefinite subject takes "no"
 * ("a man is riding a horse": "no man is riding a horse"; "two girls are ...": "no girls are ..."),
 * a definite one "not" ("the man is not riding", "the man does not ride"), an existential "there is
 * no ...", and a bare noun phrase becomes one ("a black cat": "there is no black cat"). "A man is not
 * riding a horse" would not do: another man may not be. The negation is kept only if what it denies
 * is backed by the image's graph, so that it is false. Setting: none.
 */
public final class Negation implements RewriterProvider {

    public static final String NAME = "negation";

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
        return Polarity.NEGATIVE;
    }

    @Override
    public String description() {
        return "negate the caption (no / not / does not / there is no)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Negator(this, context);
    }

    private static final class Negator extends GraphRewriter {

        Negator(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 1);
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !original.negated() && !original.question() && !original.clauses().isEmpty()
                    && original.clauses().get(0).subjects().size() == 1;
        }

        @Override
        protected Candidate propose(ParsedCaption p, RewriteRequest request, RandomGenerator random, int attempt) {
            ParsedCaption.Clause c = p.clauses().get(0);
            int e = c.subjects().get(0);
            List<String> t = p.tokens();
            boolean plural = Clauses.plural(p, c);
            int det = Clauses.determiner(p, e, lexicon);
            boolean definite = Clauses.definite(p, e, lexicon);
            int phraseStart = p.phrases().get(e).start();
            if (c.existential()) {
                return Candidate.of(noDeterminer(t, det, phraseStart, p, e), "there is no");
            }
            if (c.aux() >= 0 && c.relation() >= 0) {
                if (definite) {
                    return Candidate.of(Edits.insert(t, c.aux() + 1, List.of("not")), "not");
                }
                return Candidate.of(noDeterminer(t, det, phraseStart, p, e), "no");
            }
            if (c.relation() >= 0) {
                SceneGraph.Relation r = p.graph().relations().get(c.relation());
                ParsedCaption.RelationSyntax s = p.relations().get(c.relation());
                if (s.form() != PredicateForm.THIRD_PERSON && s.form() != PredicateForm.PLURAL_PRESENT) {
                    return null;
                }
                if (!definite) {
                    return Candidate.of(noDeterminer(t, det, phraseStart, p, e), "no");
                }
                Predicate pred = lexicon.predicate(r.predicate());
                List<String> words = new ArrayList<>();
                words.add(plural ? "do" : "does");
                words.add("not");
                words.addAll(pred.pluralPresent());
                if (pred.pluralPresent().isEmpty()) {
                    return null;
                }
                return Candidate.of(Edits.replace(t, r.span().start(), r.span().end(), words), "does not");
            }
            if (c.aux() >= 0) {
                return null; // "the dog is brown" and the like
            }
            // A bare noun phrase, perhaps framed ("a picture of a black cat"): "there is no black cat".
            List<String> out = new ArrayList<>(List.of("there", Edits.be(plural)));
            out.addAll(noDeterminer(t, det, phraseStart, p, e).subList(phraseStart, t.size()));
            return Candidate.of(out, "there is no");
        }

        /** The tokens with entity {@code e}'s determiner replaced by "no" (inserted before a bare noun). */
        private static List<String> noDeterminer(List<String> t, int det, int phraseStart, ParsedCaption p, int e) {
            if (det >= 0) {
                return Edits.replace(t, det, det + 1, List.of("no"));
            }
            return Edits.insert(t, phraseStart, List.of("no"));
        }

        @Override
        protected boolean accept(ParsedCaption original, ParsedCaption rewritten, RewriteRequest request) {
            // What the negation denies must hold in the image, so that denying it is false.
            return rewritten.negated() && !rewritten.question()
                    && support.check(request.imageGraph(), rewritten.graph()) == GraphSupport.Support.SUPPORTED;
        }
    }
}
