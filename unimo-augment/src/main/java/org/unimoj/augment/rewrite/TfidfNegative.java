package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.unimoj.api.data.Caption;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.augment.graph.GraphSupport;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.retrieve.TextIndex;

/**
 * Sentence-level hard negatives of the paper: the captions of other images most similar to this
 * caption by classic TF-IDF (a Lucene index of the whole collection), kept only when their scene
 * graph is not backed by this image's graph: a caption of another image that happens to be true of
 * this one is no negative. Settings: top-k (texts retrieved, 10), max (kept, 2).
 */
public final class TfidfNegative implements RewriterProvider {

    public static final String NAME = "tfidf-negative";

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
        return "captions of other images most similar by TF-IDF (Lucene), unless true of this image";
    }

    @Override
    public Rewriter create(RewriterContext context) {
        List<String> ids = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Caption c : context.captions()) {
            ids.add(c.id());
            images.add(c.imageId());
            texts.add(c.text());
        }
        TextIndex index = TextIndex.build(ids, images, texts, TextIndex.Scoring.TFIDF);
        CaptionParser parser = Settings.parser(context);
        return new Retriever(index, ParsedCorpus.shared(context.captions(), parser), parser, Settings.integer(context, NAME, "top-k", 10, 1, 1000),
                Settings.integer(context, NAME, "max", 2, 1, 100));
    }

    /** The rewriter over an index already built of every caption of {@code parses} (in the same order, grouped by image id). */
    public static Rewriter over(TextIndex index, ParsedCorpus parses, CaptionParser parser, int topK, int max) {
        if (index.size() != parses.size()) {
            throw new IllegalArgumentException("the index holds " + index.size() + " texts, the parses " + parses.size());
        }
        return new Retriever(index, parses, parser, topK, max);
    }

    private static final class Retriever implements Rewriter {
        private final TextIndex index;
        private final ParsedCorpus parses;
        private final GraphSupport support;
        private final int topK;
        private final int max;

        Retriever(TextIndex index, ParsedCorpus parses, CaptionParser parser, int topK, int max) {
            this.index = index;
            this.parses = parses;
            this.support = new GraphSupport(parser.lexicon());
            this.topK = topK;
            this.max = max;
        }

        @Override
        public List<Rewrite> rewrite(RewriteRequest request, RandomGenerator random) {
            List<Rewrite> out = new ArrayList<>(max);
            for (TextIndex.Hit h : index.search(request.caption().text(), topK, request.caption().imageId())) {
                SceneGraph g = parses.graph(h.ordinal());
                if (g.objects().isEmpty() || !parses.statement(h.ordinal())
                        || support.check(request.imageGraph(), g) != GraphSupport.Support.UNSUPPORTED) {
                    continue;
                }
                out.add(new Rewrite(h.text(), NAME, Granularity.SENTENCE, Polarity.NEGATIVE,
                        String.format(Locale.ROOT, "caption %s of image %s, tf-idf %.3f", h.id(), h.group(), h.score())));
                if (out.size() == max) {
                    break;
                }
            }
            return out;
        }
    }
}
