package org.unimoj.tasks.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.SharedData;
import org.unimoj.tasks.metrics.SharedData.CaptionFixture;

/** BLEU, ROUGE-L and CIDEr-D against pycocoevalcap's values on 300 real Flickr8k captions. */
class CaptionFixtureTest {

    private static final CaptionFixture F = SharedData.captionFixture();

    @Test
    void bleuMatchesPycocoevalcapTo1e6() {
        double[] b = new Bleu().corpus(F.references(), F.candidates());
        for (int k = 0; k < 4; k++) {
            double expected = F.scores().get("BLEU-" + (k + 1));
            System.out.printf("BLEU-%d ours %.12f reference %.12f delta %.2e%n", k + 1, b[k], expected, b[k] - expected);
            assertEquals(expected, b[k], 1e-6, "BLEU-" + (k + 1));
        }
    }

    @Test
    void rougeLMatchesPycocoevalcapTo1e6() {
        double r = new RougeL().corpus(F.references(), F.candidates());
        double expected = F.scores().get("ROUGE-L");
        System.out.printf("ROUGE-L ours %.12f reference %.12f delta %.2e%n", r, expected, r - expected);
        assertEquals(expected, r, 1e-6);
    }

    @Test
    void ciderDMatchesPycocoevalcapTo1e4() {
        double c = new CiderD().corpus(F.references(), F.candidates());
        double expected = F.scores().get("CIDEr-D");
        System.out.printf("CIDEr-D ours %.12f reference %.12f delta %.2e%n", c, expected, c - expected);
        assertEquals(expected, c, 1e-4);
    }
}
