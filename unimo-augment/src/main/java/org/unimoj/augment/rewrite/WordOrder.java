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
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.Predicate;
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Word-order change, one of the rewriting moves the paper left out: the subject and object noun
 * phrases of an asymmetric relation trade places ("a man riding a horse" becomes "a horse riding a
 * man"), with "is/are", the verb's number and the relative pronoun made to agree with the new
 * subject. Symmetric relations ("next to") are never swapped. Settings: max (1), tries (4).
 */
public final class WordOrder implements RewriterProvider {

    public static final String NAME = "word-order";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.PHRASE;
    }

    @Override
    public Polarity polarity() {
        return Polarity.NEGATIVE;
    }

    @Override
    public String description() {
        return "swap the subject and object of an asymmetric relation";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Swapper(this, context);
    }

    private static final class Swapper extends GraphRewriter {

        Swapper(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 4);
        }

        private List<Integer> usable(ParsedCaption p) {
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < p.graph().relations().size(); k++) {
                SceneGraph.Relation r = p.graph().relations().get(k);
                ParsedCaption.RelationSyntax s = p.relations().get(k);
                if (lexicon.predicate(r.predicate()).symmetric() || s.written().size() != 1 || s.form() == PredicateForm.PAST) {
                    continue;
                }
                Span a = p.phrases().get(r.subject());
                Span b = p.phrases().get(r.object());
                if (a.end() <= b.start() || b.end() <= a.start()) {
                    out.add(k);
                }
            }
            return out;
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !usable(original).isEmpty();
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            List<Integer> usable = usable(original);
            int k = usable.get(pick(random, usable.size()));
            SceneGraph g = original.graph();
            SceneGraph.Relation r = g.relations().get(k);
            ParsedCaption.RelationSyntax syntax = original.relations().get(k);
            Span ps = original.phrases().get(r.subject());
            Span po = original.phrases().get(r.object());
            Span first = ps.start() < po.start() ? ps : po;
            Span second = ps.start() < po.start() ? po : ps;
            int firstEntity = ps.start() < po.start() ? r.subject() : r.object();
            int secondEntity = ps.start() < po.start() ? r.object() : r.subject();
            List<String> t = original.tokens();
            List<String> out = new ArrayList<>(t.size());
            out.addAll(t.subList(0, first.start()));
            out.addAll(t.subList(second.start(), second.end()));
            out.addAll(t.subList(first.end(), second.start()));
            out.addAll(t.subList(first.start(), first.end()));
            out.addAll(t.subList(second.end(), t.size()));
            int shift = second.length() - first.length();
            // The entity now written first is the one that was second: make the verb agree with it.
            SceneGraph.Entity nowFirst = g.objects().get(secondEntity);
            boolean plural = nowFirst.count() != 1;
            boolean pluralBefore = g.objects().get(firstEntity).count() != 1;
            if (plural != pluralBefore) {
                if (syntax.aux() >= 0 && syntax.aux() > first.start() && syntax.aux() < second.start()) {
                    String aux = out.get(syntax.aux() + shift);
                    if (aux.equals("is") || aux.equals("are")) {
                        out.set(syntax.aux() + shift, Edits.be(plural));
                    } else {
                        return null;
                    }
                }
                if (syntax.form() == PredicateForm.THIRD_PERSON || syntax.form() == PredicateForm.PLURAL_PRESENT) {
                    Predicate p = lexicon.predicate(r.predicate());
                    List<String> words = p.words(plural ? PredicateForm.PLURAL_PRESENT : PredicateForm.THIRD_PERSON);
                    if (words.size() != r.span().length()) {
                        return null;
                    }
                    for (int i = 0; i < words.size(); i++) {
                        out.set(r.span().start() + shift + i, words.get(i));
                    }
                }
                int there = first.start() - 1;
                if (there >= 1 && out.get(there - 1).equals("there") && (out.get(there).equals("is") || out.get(there).equals("are"))) {
                    out.set(there, Edits.be(plural));
                }
            }
            if (syntax.relative() >= 0) {
                Edits.fixRelativePronoun(out, syntax.relative() + shift, nowFirst.name(), lexicon);
            }
            if (second.end() < t.size() && ("who".equals(t.get(second.end())) || "which".equals(t.get(second.end())))) {
                Edits.fixRelativePronoun(out, second.end(), g.objects().get(firstEntity).name(), lexicon);
            }
            return Candidate.of(out, "swap " + g.objects().get(r.subject()).name() + " and " + g.objects().get(r.object()).name() + " of '"
                    + r.predicate() + "'");
        }
    }
}
