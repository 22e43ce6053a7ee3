package org.unimoj.augment.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.augment.TestWorld;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.ReadOptions;

/** The offline job end to end on the test world: deterministic whatever the threads, readable back, counted right. */
class AugmentJobTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesWithOneOrTwoThreadsAndTheReaderReadsEveryPair() throws IOException {
        AugmentOptions base = AugmentOptions.defaults(TestWorld.dir(), tmp.resolve("a")).withSeed(5).withLimit(600);
        AugmentSummary one = new AugmentJob(base.withThreads(1), AugmentJob.Progress.NONE).run();
        AugmentSummary two = new AugmentJob(base.withThreads(2).withOut(tmp.resolve("b"), false), AugmentJob.Progress.NONE).run();
        byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(AugmentJob.PAIRS_FILE));
        byte[] b = Files.readAllBytes(tmp.resolve("b").resolve(AugmentJob.PAIRS_FILE));
        assertArrayEquals(a, b, "the output depends on the number of threads");
        assertEquals(one.rewriters(), two.rewriters());

        AugmentSummary other = new AugmentJob(base.withSeed(6).withOut(tmp.resolve("c"), false), AugmentJob.Progress.NONE).run();
        byte[] c = Files.readAllBytes(tmp.resolve("c").resolve(AugmentJob.PAIRS_FILE));
        assertTrue(!java.util.Arrays.equals(a, c), "another seed, another output");

        List<AugmentedPair> pairs;
        try (AugmentedPairReader r = AugmentedPairReader.open(tmp.resolve("a").resolve(AugmentJob.PAIRS_FILE), ReadOptions.failFast())) {
            pairs = r.readAll();
        }
        assertEquals(600, pairs.size());
        assertEquals(600, one.pairs());
        assertEquals("ground-truth", one.imageGraphs());
        Map<String, Long> counted = new HashMap<>();
        for (AugmentedPair p : pairs) {
            for (Rewrite r : p.positives()) {
                counted.merge(r.rewriter(), 1L, Long::sum);
            }
            for (Rewrite r : p.negatives()) {
                counted.merge(r.rewriter(), 1L, Long::sum);
            }
        }
        assertEquals(11, one.rewriters().size(), one.rewriters().keySet().toString());
        one.rewriters().forEach((name, k) -> {
            assertEquals(k.rewrites(), counted.getOrDefault(name, 0L).longValue(), name);
            assertTrue(k.rewrites() > 0, name + " wrote nothing");
        });
        assertTrue(one.relatedImages().pairsWith() > 300, "related images: " + one.relatedImages());
        assertTrue(one.relatedTexts().pairsWith() > 500, "related texts: " + one.relatedTexts());
        assertTrue(Files.isRegularFile(tmp.resolve("a").resolve(AugmentJob.SUMMARY_FILE)));
        System.out.printf("job on 600 pairs: %.1f pairs/s (two threads), stages %s%n", two.pairsPerSecond(), two.seconds());
    }

    @Test
    void rewritersAndSourcesCanBeSwitchedOffForAblations() {
        AugmentOptions o = AugmentOptions.defaults(TestWorld.dir(), tmp.resolve("x")).withLimit(100).withRewriters(List.of("length", "word-order"))
                .withRetrieval(0, 0.4, 0.2, 0);
        AugmentSummary s = new AugmentJob(o, AugmentJob.Progress.NONE).run();
        assertEquals(List.of("word-order", "drop-attribute", "drop-relation", "add-attribute"), List.copyOf(s.rewriters().keySet()));
        assertEquals(0, s.relatedImages().total());
        assertEquals(0, s.relatedTexts().total());
        assertTrue(s.off().stream().anyMatch(x -> x.startsWith("related images")), s.off().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AugmentJob(o.withRewriters(List.of("nope")).withOut(tmp.resolve("y"), false), AugmentJob.Progress.NONE).run());
        assertTrue(e.getMessage().contains("unknown rewriter 'nope'") && e.getMessage().contains("object-swap"), e.getMessage());
    }

    @Test
    void aBadLineOfThePairsFileIsReportedWithFileLineAndField() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{\"caption_id\":\"1\",\"image_id\":\"1\",\"text\":\"A dog.\",\"positives\":[],\"negatives\":["
                + "{\"text\":\"A cat.\",\"rewriter\":\"object-swap\",\"granularity\":\"word\",\"polarity\":\"positive\",\"detail\":\"\"}],"
                + "\"related_images\":[],\"related_texts\":[]}\n");
        try (AugmentedPairReader r = AugmentedPairReader.open(f, ReadOptions.failFast())) {
            DataError e = assertThrows(DataError.class, r::readAll);
            assertTrue(e.getMessage().contains("bad.jsonl:1") && e.getMessage().contains("negatives[0].polarity"), e.getMessage());
        }
    }
}
