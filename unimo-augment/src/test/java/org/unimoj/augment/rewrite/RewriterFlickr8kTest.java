package org.unimoj.augment.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.SharedFiles;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;

/**
 * Issue 6: every rewriter runs on the 40,460 real Flickr8k captions without an exception (in parallel,
 * as a job calls them); prints each rewriter's yield (share of captions with at least one rewrite) and
 * a sample. The image graph is the union of the image's five caption graphs.
 */
class RewriterFlickr8kTest {

    @Test
    void everyRewriterRunsOnFlickr8kAndReportsItsYield() {
        CaptionParser parser = CaptionParser.standard();
        List<Caption> captions = SharedFiles.flickr8k();
        List<SceneGraph> graphs = captions.parallelStream().map(c -> parser.parse(c.text())).toList();
        Map<String, List<SceneGraph>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < captions.size(); i++) {
            byImage.computeIfAbsent(captions.get(i).imageId(), k -> new ArrayList<>()).add(graphs.get(i));
        }
        Map<String, SceneGraph> imageGraphs = new ConcurrentHashMap<>();
        byImage.forEach((id, gs) -> imageGraphs.put(id, ImageGraphs.union(gs, Lexicon.standard())));

        long t0 = System.nanoTime();
        Map<String, Rewriter> rewriters = new LinkedHashMap<>();
        Map<String, RewriterProvider> all = Rewriters.available();
        for (RewriterProvider p : all.values()) {
            rewriters.put(p.name(), p.create(new RewriterContext(parser, captions, Map.of(), 5)));
        }
        double created = (System.nanoTime() - t0) / 1e9;
        Map<String, AtomicInteger> withRewrite = new LinkedHashMap<>();
        Map<String, AtomicInteger> rewrites = new LinkedHashMap<>();
        rewriters.keySet().forEach(n -> {
            withRewrite.put(n, new AtomicInteger());
            rewrites.put(n, new AtomicInteger());
        });
        Map<String, String> samples = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long t1 = System.nanoTime();
        IntStream.range(0, captions.size()).parallel().forEach(i -> {
            Caption c = captions.get(i);
            RewriteRequest req = new RewriteRequest(c, graphs.get(i), imageGraphs.get(c.imageId()));
            for (Map.Entry<String, Rewriter> e : rewriters.entrySet()) {
                try {
                    List<Rewrite> out = e.getValue().rewrite(req, new SplittableRandom(31L * i + e.getKey().hashCode()));
                    if (!out.isEmpty()) {
                        withRewrite.get(e.getKey()).incrementAndGet();
                        rewrites.get(e.getKey()).addAndGet(out.size());
                        if (i % 5003 == 1) {
                            samples.merge(e.getKey(), "'" + c.text() + "' -> '" + out.get(0).text() + "' (" + out.get(0).detail() + ")",
                                    (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        }
                    }
                } catch (RuntimeException ex) {
                    failures.add(e.getKey() + " on '" + c.text() + "': " + ex);
                }
            }
        });
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("rewriters on %d Flickr8k captions (%d images; created in %.1f s, ran in %.1f s on %d cores):%n", captions.size(),
                byImage.size(), created, seconds, Runtime.getRuntime().availableProcessors());
        for (String n : rewriters.keySet()) {
            System.out.printf("  %-16s %-9s yield %5.1f%%  (%d rewrites)%n", n, all.get(n).polarity().name().toLowerCase(),
                    100.0 * withRewrite.get(n).get() / captions.size(), rewrites.get(n).get());
            if (samples.containsKey(n)) {
                System.out.println("      e.g. " + samples.get(n));
            }
        }
        failures.stream().limit(5).forEach(f -> System.out.println("  FAILED " + f));
        assertEquals(List.of(), failures);
        for (String n : rewriters.keySet()) {
            assertTrue(withRewrite.get(n).get() > 0, n + " rewrote nothing");
        }
    }
}
