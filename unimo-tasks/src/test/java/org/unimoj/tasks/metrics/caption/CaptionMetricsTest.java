package org.unimoj.tasks.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.SharedData;
import org.unimoj.tasks.metrics.SharedData.CaptionFixture;

/** The whole COCO caption evaluation from raw captions. */
class CaptionMetricsTest {

    @Test
    void rawCaptionsGiveTheReferenceScoresThroughTheTokenizationStep() {
        CaptionFixture f = SharedData.captionFixture();
        Scores s = CaptionMetrics.score(f.referencesRaw(), f.candidatesRaw());
        for (String name : List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L")) {
            assertEquals(f.scores().get(name), s.get(name), 1e-6, name);
        }
        assertEquals(f.scores().get("CIDEr-D"), s.get("CIDEr-D"), 1e-4);
        double meteor = s.get("METEOR");
        System.out.printf("METEOR on the fixture (no reference value available): %.6f%n", meteor);
        assertTrue(meteor > 0 && meteor < 1, "METEOR " + meteor);
        assertEquals(List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "METEOR", "ROUGE-L", "CIDEr-D"), List.copyOf(s.names()));
    }

    @Test
    void candidatesAndReferencesMustHaveTheSameIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bleu().corpus(Map.of("a", List.of("x")), Map.of("b", "x")));
        assertTrue(e.getMessage().contains("'b' has no references"), e.getMessage());
    }

    @Test
    void hyphenatedAndPossessiveCaptionsTokenizeLikeCoreNlp() {
        CaptionFixture f = SharedData.captionFixture();
        assertEquals(f.candidates(), tokenized(f.candidatesRaw()));
    }

    private static Map<String, String> tokenized(Map<String, String> raw) {
        var tok = new org.unimoj.tasks.metrics.text.CocoTokenizer();
        var out = new java.util.LinkedHashMap<String, String>();
        raw.forEach((k, v) -> out.put(k, tok.tokenize(v)));
        return out;
    }
}
