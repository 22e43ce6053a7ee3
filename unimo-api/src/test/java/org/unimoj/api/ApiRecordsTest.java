package org.unimoj.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.api.text.TextEncoder;

class ApiRecordsTest {

    /** One id per character (code point + 10), specials 0..4: enough to check the wrapping arithmetic. */
    static final class CharEncoder implements TextEncoder {
        @Override public int[] encode(String text) { return text.codePoints().map(c -> c + 10).toArray(); }
        @Override public String decode(int[] ids) { StringBuilder b = new StringBuilder(); for (int i : ids) { if (i >= 10) { b.appendCodePoint(i - 10); } } return b.toString(); }
        @Override public int vocabSize() { return 1 << 20; }
        @Override public int clsId() { return 0; }
        @Override public int sepId() { return 2; }
        @Override public int padId() { return 1; }
        @Override public int unkId() { return 3; }
        @Override public int maskId() { return 4; }
    }

    @Test
    void pairTruncationIsLongestFirstAndNeverExceedsTheLimit() {
        TextEncoder enc = new CharEncoder();
        Random r = new Random(1);
        for (int trial = 0; trial < 2000; trial++) {
            String a = "a".repeat(r.nextInt(40));
            String b = "b".repeat(r.nextInt(40));
            int max = 3 + r.nextInt(60);
            int[] ids = enc.encodePair(a, b, max);
            int na = (int) java.util.Arrays.stream(ids).filter(i -> i == 'a' + 10).count();
            int nb = (int) java.util.Arrays.stream(ids).filter(i -> i == 'b' + 10).count();
            assertEquals(Math.min(max, a.length() + b.length() + 3), ids.length);
            assertEquals(0, ids[0]);
            assertEquals(2, ids[na + 1]);
            assertEquals(2, ids[ids.length - 1]);
            if (na < a.length() && nb < b.length()) {
                assertTrue(Math.abs(na - nb) <= 1, "both cut, so they end within one of each other: " + na + " " + nb);
            }
            if (na < a.length() && nb == b.length()) {
                assertTrue(na >= nb, "only the longer one is cut: " + na + " " + nb);
            }
        }
        assertArrayEquals(new int[] {0, 'x' + 10, 2}, enc.encodeSingle("xyz", 3));
        assertThrows(IllegalArgumentException.class, () -> enc.encodeSingle("x", 1));
    }

    @Test
    void regionFeaturesCheckTheirSizesAndGiveUnimosLocationFeature() {
        RegionFeatures f = RegionFeatures.of("img", 200, 100, 2, new float[] {0, 0, 100, 50, 50, 25, 150, 75}, new float[4]);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 0.5f, 0.25f}, f.locationFeature(0));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 0.75f, 0.25f}, f.locationFeature(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegionFeatures("img7", 10, 10, 2, 3, new float[8], new float[5], 0, null));
        assertTrue(e.getMessage().contains("img7") && e.getMessage().contains("expected 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegionFeatures.of("z", 0, 10, 1, new float[4], new float[1]));
    }

    @Test
    void recordsRejectWhatCannotBeRight() {
        assertThrows(IllegalArgumentException.class, () -> new ModelInput(new int[0], 0, null, org.unimoj.api.task.AttentionKind.BIDIRECTIONAL));
        assertThrows(IllegalArgumentException.class, () -> new ModelInput(new int[3], 4, null, org.unimoj.api.task.AttentionKind.SEQ2SEQ));
        assertThrows(IllegalArgumentException.class, () -> new TaskInfo("glue/sst2", "1", 1, "d", Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MetricReport("t", "test", 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SceneGraph(List.of("a", "dog"),
                List.of(new SceneGraph.Entity("dog", 1, new Span(1, 2))), List.of(new SceneGraph.Attribute(1, "red", new Span(0, 1))), List.of()));
        assertEquals(Split.VAL, Split.parse(" Dev "));
        assertEquals(Split.TRAIN, Split.parse("restval"));
        assertThrows(IllegalArgumentException.class, () -> Split.parse("holdout"));
    }

    @Test
    void aMetricReportKeepsReadingOrder() {
        Map<String, Double> v = new java.util.LinkedHashMap<>();
        v.put("CIDEr-D", 1.1);
        v.put("BLEU-4", 0.3);
        MetricReport m = new MetricReport("coco-caption", "test", 5000, v);
        assertEquals("CIDEr-D", m.primary().getKey());
        assertEquals(0.3, m.get("BLEU-4"));
        assertThrows(IllegalArgumentException.class, () -> m.get("SPICE"));
    }
}
