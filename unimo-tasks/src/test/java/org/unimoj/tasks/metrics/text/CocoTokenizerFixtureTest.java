package org.unimoj.tasks.metrics.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.SharedData;
import org.unimoj.tasks.metrics.SharedData.CaptionFixture;

/** The tokenization step turns the fixture's raw captions into its PTB-tokenized ones. */
class CocoTokenizerFixtureTest {

    @Test
    void reproducesTheFixtureTokenizationForAtLeast99Percent() {
        CaptionFixture f = SharedData.captionFixture();
        CocoTokenizer tok = new CocoTokenizer();
        int total = 0;
        List<String> misses = new ArrayList<>();
        for (String id : f.candidates().keySet()) {
            List<String> raw = new ArrayList<>(f.referencesRaw().get(id));
            raw.add(0, f.candidatesRaw().get(id));
            List<String> expected = new ArrayList<>(f.references().get(id));
            expected.add(0, f.candidates().get(id));
            for (int i = 0; i < raw.size(); i++) {
                total++;
                String ours = tok.tokenize(raw.get(i));
                if (!ours.equals(expected.get(i))) {
                    misses.add(raw.get(i) + "\n    ours:     " + ours + "\n    expected: " + expected.get(i));
                }
            }
        }
        double rate = (total - misses.size()) / (double) total;
        System.out.printf("tokenization: %d of %d sentences match (%.4f)%n", total - misses.size(), total, rate);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(rate >= 0.99, "match rate " + rate);
    }
}
