package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import net.sf.extjwnl.data.POS;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.parse.ParsedCaption;

/**
 * Word-level hard negatives of the paper: an object of the scene graph is replaced by another noun of
 * the corpus (drawn by frequency), never by one WordNet or the domain calls a synonym, hypernym or
 * hyponym of it ("dog" never becomes "animal" or "puppy"); the noun takes the original's number,
 * and the article and relative pronoun follow it ("a dog who" becomes "an elephant which").
 * Settings: max (2), tries (8).
 */
public final class ObjectSwap implements RewriterProvider {

    public static final String NAME = "object-swap";

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
        return "replace an object noun by another of the corpus (not a synonym, hypernym or hyponym)";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        return new Swapper(this, context);
    }

    private static final class Swapper extends GraphRewriter {
        private final CorpusVocabulary vocabulary;

        Swapper(RewriterProvider p, RewriterContext context) {
            super(p, context, 2, 8);
            this.vocabulary = CorpusVocabulary.shared(context.captions(), parser);
        }

        @Override
        protected Candidate propose(ParsedCaption original, RewriteRequest request, RandomGenerator random, int attempt) {
            SceneGraph g = original.graph();
            int e = pick(random, g.objects().size());
            SceneGraph.Entity entity = g.objects().get(e);
            String from = entity.name();
            String to = vocabulary.nouns().draw(random, x -> !x.equals(from) && known(x) && !lexicon.relatedNouns(x, from));
            if (to == null) {
                return null;
            }
            boolean plural = entity.count() != 1 || lexicon.info(original.tokens().get(entity.span().end() - 1)).plural();
            String written = plural ? lexicon.plural(to) : to;
            List<String> tokens = new ArrayList<>(Edits.replace(original.tokens(), entity.span().start(), entity.span().end(), List.of(written.split(" "))));
            int shift = written.split(" ").length - entity.span().length();
            Edits.fixRelativePronoun(tokens, entity.span().end() + shift, to, lexicon);
            return Candidate.of(tokens, from + " -> " + to);
        }

        private boolean known(String noun) {
            return lexicon.nounClasses(noun) != null || lexicon.wordNet().contains(POS.NOUN, noun);
        }
    }
}
