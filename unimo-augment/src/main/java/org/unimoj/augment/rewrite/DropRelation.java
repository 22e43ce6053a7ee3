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
import org.unimoj.augment.lexicon.PredicateForm;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Length change that keeps the meaning true (a positive): a relation phrase is dropped with the noun
 * phrase after it ("a man riding a horse" becomes "a man"; "a cat that is under a table" becomes "a
 * cat"; "the pizza is looked at by a child" becomes "the pizza"). The result must be entailed by
 * the caption, so a drop that would re-attach something elsewhere is refused. Settings: max (1), tries (3).
 */
public final class DropRelation implements RewriterProvider {

    public static final String NAME = "drop-relation";

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
        return Polarity.POSITIVE;
    }

    @Override
    public String description() {
        return "drop a relation phrase and the noun phrase after it (the caption stays true)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Dropper(this, context);
    }

    private static final class Dropper extends GraphRewriter {

        Dropper(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 3);
        }

        /** Relations with the noun phrase right after their predicate. */
        private List<Integer> usable(ParsedCaption p) {
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < p.graph().relations().size(); k++) {
                SceneGraph.Relation r = p.graph().relations().get(k);
                ParsedCaption.RelationSyntax s = p.relations().get(k);
                int after = s.form() == PredicateForm.PASSIVE ? r.subject() : r.object();
                if (p.phrases().get(after).start() == r.span().end() && s.form() != PredicateForm.PAST) {
                    out.add(k);
                }
            }
            return out;
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !original.negated() && !usable(original).isEmpty();
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            List<Integer> usable = usable(original);
            int k = usable.get(pick(random, usable.size()));
            SceneGraph.Relation r = original.graph().relations().get(k);
            ParsedCaption.RelationSyntax s = original.relations().get(k);
            int after = s.form() == PredicateForm.PASSIVE ? r.subject() : r.object();
            Span phrase = original.phrases().get(after);
            int from;
            if (s.role() == ParsedCaption.Role.RELATIVE && s.relative() >= 0) {
                from = s.relative();
            } else if (s.aux() >= 0 && s.role() != ParsedCaption.Role.REDUCED) {
                from = s.aux();
            } else {
                from = r.span().start();
            }
            return Candidate.of(Edits.delete(original.tokens(), from, phrase.end()),
                    "drop '" + r.predicate() + " " + original.graph().objects().get(after).name() + "'");
        }

        @Override
        protected boolean accept(ParsedCaption original, ParsedCaption rewritten, RewriteRequest request) {
            return rewritten.graph().relations().size() < original.graph().relations().size() && super.accept(original, rewritten, request);
        }
    }
}
