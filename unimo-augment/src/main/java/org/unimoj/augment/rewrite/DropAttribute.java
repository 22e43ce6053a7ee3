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
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Length change that keeps the meaning true (a positive, a move the paper left out): an adjective of a
 * singular object is dropped ("a black dog" becomes "a dog"; "a book which is yellow and small"
 * becomes "a book which is small"). Adjectives of plural objects stay: "two black dogs" does not
 * entail "two dogs". Settings: max (1), tries (3).
 */
public final class DropAttribute implements RewriterProvider {

    public static final String NAME = "drop-attribute";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Granularity granularity() {
        return Granularity.WORD;
    }

    @Override
    public Polarity polarity() {
        return Polarity.POSITIVE;
    }

    @Override
    public String description() {
        return "drop an adjective of a singular object (the caption stays true)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Dropper(this, context);
    }

    private static final class Dropper extends GraphRewriter {

        Dropper(RewriterProvider p, RewriterContext context) {
            super(p, context, 1, 3);
        }

        private List<SceneGraph.Attribute> usable(ParsedCaption p) {
            List<SceneGraph.Attribute> out = new ArrayList<>();
            for (SceneGraph.Attribute a : AttributeSwap.adjectives(p, lexicon)) {
                if (p.graph().objects().get(a.object()).count() == 1) {
                    out.add(a);
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
            List<SceneGraph.Attribute> usable = usable(original);
            SceneGraph.Attribute a = usable.get(pick(random, usable.size()));
            List<String> t = original.tokens();
            Span phrase = original.phrases().get(a.object());
            int s = a.span().start();
            int e = a.span().end();
            if (s >= phrase.start() && e <= phrase.end()) {
                // Before the noun; "a black and white dog" loses "black and".
                if (e < t.size() && t.get(e).equals("and") && e + 1 < phrase.end()) {
                    e++;
                } else if (s > phrase.start() && t.get(s - 1).equals("and")) {
                    s--;
                }
            } else if (s > 0 && t.get(s - 1).equals("and")) {
                s--; // "yellow and small": drop "and small"
            } else if (e < t.size() && t.get(e).equals("and")) {
                e++; // drop "yellow and"
            } else if (s >= 2 && isBe(t.get(s - 1)) && isRelative(t.get(s - 2))) {
                s -= 2; // "a book which is yellow": drop "which is yellow"
            } else if (s >= 1 && isBe(t.get(s - 1))) {
                s -= 1; // "the dog is brown": drop "is brown"
            } else {
                return null;
            }
            return Candidate.of(Edits.delete(t, s, e), "drop '" + a.value() + "'");
        }

        @Override
        protected boolean accept(ParsedCaption original, ParsedCaption rewritten, RewriteRequest request) {
            return rewritten.graph().attributes().size() < original.graph().attributes().size() && super.accept(original, rewritten, request);
        }

        private static boolean isBe(String w) {
            return w.equals("is") || w.equals("are");
        }

        private static boolean isRelative(String w) {
            return w.equals("who") || w.equals("which") || w.equals("that");
        }
    }
}
