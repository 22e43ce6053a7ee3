package org.unimoj.augment.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job did: counts per rewriter, retrieval counts, where each input came from, which sources
 * were off and why, and the time of each stage. Written as {@code summary.json} beside the pairs.
 *
 * @param pairs          image-text pairs written
 * @param images         distinct images among them
 * @param seed           the seed
 * @param imageGraphs    what rewrites were checked against: "ground-truth" or "captions"
 * @param rewriters      per rewriter (in run order), its counts
 * @param relatedImages  related images written, and pairs with at least one
 * @param relatedTexts   related texts written, and pairs with at least one
 * @param inputs         each input and its file
 * @param off            sources that were off, each with its reason
 * @param seconds        wall time of each stage, and "total"
 * @param threads        worker threads
 */
public record AugmentSummary(long pairs, long images, long seed, String imageGraphs, Map<String, RewriterCounts> rewriters, Counts relatedImages,
                             Counts relatedTexts, Map<String, String> inputs, List<String> off, Map<String, Double> seconds, int threads) {

    public AugmentSummary {
        rewriters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rewriters));
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        off = List.copyOf(off);
        seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /** One rewriter's output: rewrites written and pairs that got at least one. */
    public record RewriterCounts(String granularity, String polarity, long rewrites, long pairsWith) {}

    /** Items written and pairs that got at least one. */
    public record Counts(long total, long pairsWith) {}

    /** Pairs per second over the whole job (reading, parsing, indexing and augmenting). */
    public double pairsPerSecond() {
        Double t = seconds.get("total");
        return t == null || t == 0 ? 0 : pairs / t;
    }

    /** The summary as JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", pairs);
        m.put("images", images);
        m.put("seed", seed);
        m.put("image_graphs", imageGraphs);
        Map<String, Object> rw = new LinkedHashMap<>();
        rewriters.forEach((k, v) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("granularity", v.granularity());
            x.put("polarity", v.polarity());
            x.put("rewrites", v.rewrites());
            x.put("pairs_with", v.pairsWith());
            rw.put(k, x);
        });
        m.put("rewriters", rw);
        m.put("related_images", Map.of("total", relatedImages.total(), "pairs_with", relatedImages.pairsWith()));
        m.put("related_texts", Map.of("total", relatedTexts.total(), "pairs_with", relatedTexts.pairsWith()));
        m.put("inputs", inputs);
        m.put("off", off);
        m.put("threads", threads);
        m.put("seconds", seconds);
        m.put("pairs_per_second", Math.round(pairsPerSecond() * 10) / 10.0);
        return m;
    }

    public void write(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
