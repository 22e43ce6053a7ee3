package org.unimoj.tasks.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.api.task.MetricReport;

class ScoresTest {

    @Test
    void keepsOrderAndNamesMissingMetrics() {
        Scores s = Scores.builder().put("BLEU-4", 0.3).put("CIDEr-D", 1.2).build().and(Scores.builder().put("SPICE", 0.2).build());
        assertEquals(List.of("BLEU-4", "CIDEr-D", "SPICE"), List.copyOf(s.names()));
        assertEquals(1.2, s.get("CIDEr-D"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("METEOR"));
        assertTrue(e.getMessage().contains("no metric 'METEOR'"), e.getMessage());
        MetricReport r = s.toReport("coco-caption", "val", 5000);
        assertEquals("BLEU-4", r.primary().getKey());
        assertEquals(0.2, r.get("SPICE"));
    }
}
