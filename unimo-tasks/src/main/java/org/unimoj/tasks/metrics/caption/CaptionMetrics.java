package org.unimoj.tasks.metrics.caption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.unimoj.api.text.SceneGraphParser;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.meteor.Meteor;
import org.unimoj.tasks.metrics.spice.Spice;
import org.unimoj.tasks.metrics.text.CocoTokenizer;
import org.unimoj.augment.wordnet.WordNet;

/**
 * The COCO caption evaluation (pycocoevalcap's {@code COCOEvalCap}): captions are tokenized with the
 * PTB step, then scored with BLEU-1..4, METEOR, ROUGE-L, CIDEr-D and, when a scene-graph parser is
 * given, SPICE. Values are named "BLEU-1".."BLEU-4", "METEOR", "ROUGE-L", "CIDEr-D", "SPICE".
 *
 * <pre>{@code
 * Scores s = CaptionMetrics.score(references, candidates);    // image id -> captions, image id -> caption
 * double cider = s.get("CIDEr-D");
 * }</pre>
 * Thread-safe.
 */
public final class CaptionMetrics {

    private static volatile CaptionMetrics standard;

    private final CocoTokenizer tokenizer = new CocoTokenizer();
    private final Bleu bleu = new Bleu(4);
    private final Supplier<Meteor> meteor;
    private final RougeL rouge = new RougeL();
    private final CiderD cider = new CiderD();
    private final Spice spice;

    private CaptionMetrics(Supplier<Meteor> meteor, Spice spice) {
        this.meteor = meteor;
        this.spice = spice;
    }

    /** Every caption metric but SPICE; METEOR's WordNet starts loading in the background now. */
    public static CaptionMetrics standard() {
        CaptionMetrics m = standard;
        if (m == null) {
            synchronized (CaptionMetrics.class) {
                m = standard;
                if (m == null) {
                    WordNet.startLoading();
                    m = new CaptionMetrics(memoize(Meteor::english), null);
                    standard = m;
                }
            }
        }
        return m;
    }

    /** Every caption metric, SPICE parsing captions with {@code parser}. */
    public static CaptionMetrics withSpice(SceneGraphParser parser) {
        WordNet.startLoading();
        return new CaptionMetrics(memoize(Meteor::english), new Spice(Objects.requireNonNull(parser, "parser")));
    }

    /** A custom METEOR (for instance without synonyms) and an optional SPICE. */
    public static CaptionMetrics of(Meteor meteor, Spice spice) {
        Objects.requireNonNull(meteor, "meteor");
        return new CaptionMetrics(() -> meteor, spice);
    }

    /** All metrics but SPICE of raw captions, as the COCO evaluation computes them. */
    public static Scores score(Map<String, List<String>> refs, Map<String, String> cands) {
        return standard().evaluate(refs, cands);
    }

    /** Tokenizes raw captions with the COCO PTB step, then scores them. */
    public Scores evaluate(Map<String, List<String>> refs, Map<String, String> cands) {
        return evaluate(refs, cands, (name, took) -> { });
    }

    /** As {@link #evaluate(Map, Map)}, telling {@code progress} the time of each step as it finishes. */
    public Scores evaluate(Map<String, List<String>> refs, Map<String, String> cands, BiConsumer<String, Duration> progress) {
        CaptionInput.check(refs, cands);
        long t0 = System.nanoTime();
        // Tokenize in parallel; the maps keep the callers' order.
        List<String> ids = new ArrayList<>(refs.keySet());
        List<List<String>> tokenizedRefs = ids.parallelStream()
                .map(id -> refs.get(id).stream().map(tokenizer::tokenize).toList())
                .toList();
        Map<String, List<String>> tokRefs = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            tokRefs.put(ids.get(i), tokenizedRefs.get(i));
        }
        List<String> candIds = new ArrayList<>(cands.keySet());
        List<String> tokenizedCands = candIds.parallelStream().map(id -> tokenizer.tokenize(cands.get(id))).toList();
        Map<String, String> tokCands = new LinkedHashMap<>();
        for (int i = 0; i < candIds.size(); i++) {
            tokCands.put(candIds.get(i), tokenizedCands.get(i));
        }
        progress.accept("PTB tokenization", Duration.ofNanos(System.nanoTime() - t0));
        return evaluateTokenized(tokRefs, tokCands, progress);
    }

    /** Scores captions that are already tokenized (lowercased PTB tokens separated by spaces). */
    public Scores evaluateTokenized(Map<String, List<String>> refs, Map<String, String> cands) {
        return evaluateTokenized(refs, cands, (name, took) -> { });
    }

    public Scores evaluateTokenized(Map<String, List<String>> refs, Map<String, String> cands,
            BiConsumer<String, Duration> progress) {
        CaptionInput.check(refs, cands);
        Scores.Builder out = Scores.builder();
        long t = System.nanoTime();
        NGramCorpus ngrams = new NGramCorpus(refs, cands, 4);
        t = step(progress, "n-gram counts", t);
        out.putAll(bleu.score(ngrams));
        t = step(progress, "BLEU", t);
        out.put("METEOR", meteor.get().corpus(refs, cands));
        t = step(progress, "METEOR", t);
        out.put("ROUGE-L", rouge.corpus(refs, cands));
        t = step(progress, "ROUGE-L", t);
        out.put("CIDEr-D", cider.corpus(ngrams));
        t = step(progress, "CIDEr-D", t);
        if (spice != null) {
            out.put("SPICE", spice.score(refs, cands).get("SPICE"));
            step(progress, "SPICE", t);
        }
        return out.build();
    }

    private static long step(BiConsumer<String, Duration> progress, String name, long since) {
        long now = System.nanoTime();
        progress.accept(name, Duration.ofNanos(now - since));
        return now;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = s.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
