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
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Word-level hard negatives of the paper: an attribute is replaced by another adjective of the same
 * family from the corpus ("red" by "blue", "small" by "huge"), drawn by frequency, never by one that
 * states the same value ("big" for "large"). Settings: max (2), tries (8).
 */
public final class AttributeSwap implements RewriterProvider {

    public static final String NAME = "attribute-swap";

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
        return Polarity.NEGATIVE;
    }

    @Override
    public String description() {
        return "replace an attribute by another of its family (colour, size, material, ...) from the corpus";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Swapper(this, context);
    }

    /** The attributes a rewriter may change or drop: single adjectives that can be seen. */
    static List<SceneGraph.Attribute> adjectives(ParsedCaption p, org.unimoj.augment.lexicon.Lexicon lexicon) {
        List<SceneGraph.Attribute> out = new ArrayList<>();
        for (SceneGraph.Attribute a : p.graph().attributes()) {
            if (a.span().length() == 1 && lexicon.info(a.value()).adjective() && lexicon.visualAdjective(a.value())) {
                out.add(a);
            }
        }
        return out;
    }

    private static final class Swapper extends GraphRewriter {
        private final CorpusVocabulary vocabulary;

        Swapper(RewriterProvider p, RewriterContext context) {
            super(p, context, 2, 8);
            this.vocabulary = CorpusVocabulary.shared(context.captions(), parser);
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            List<SceneGraph.Attribute> attrs = adjectives(original, lexicon);
            if (attrs.isEmpty()) {
                return null;
            }
            SceneGraph.Attribute a = attrs.get(pick(random, attrs.size()));
            String from = a.value();
            String to = vocabulary.adjectives(lexicon.adjectiveFamily(from)).draw(random, x -> !x.equals(from) && !lexicon.sameAdjective(x, from));
            if (to == null) {
                return null;
            }
            return Candidate.of(Edits.replace(original.tokens(), a.span().start(), a.span().end(), List.of(to)), from + " -> " + to);
        }

        @Override
        protected boolean applicable(ParsedCaption original) {
            return !adjectives(original, lexicon).isEmpty();
        }
    }
}
