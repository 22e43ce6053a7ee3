package org.unimoj.tasks.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.Scores;

/** Retrieval recall and ranks on hand-computed cases, including ties and several captions per image. */
class RetrievalMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void bothDirectionsWithTwoCaptionsPerImage() {
        double[][] s = {
            {0.9, 0.1, 0.5, 0.2},
            {0.3, 0.8, 0.4, 0.7}};
        int[] textImage = {0, 0, 1, 1};
        // Caption queries: caption 0 ranks its image 1st, 1 2nd (0.8 > 0.1), 2 2nd (0.5 > 0.4), 3 1st.
        assertArrayEquals(new int[] {1, 2, 2, 1}, RetrievalMetrics.imageRetrieval(s, textImage).ranks());
        // Image queries: image 0's best caption (0.9) is 1st; image 1's best (0.7) is beaten by caption 1 (0.8).
        assertArrayEquals(new int[] {1, 2}, RetrievalMetrics.textRetrieval(s, textImage).ranks());
        Scores r = RetrievalMetrics.evaluate(s, textImage);
        assertEquals(0.5, r.get("IR@1"), EPS);
        assertEquals(1.0, r.get("IR@5"), EPS);
        assertEquals(0.5, r.get("TR@1"), EPS);
        assertEquals(1.5, r.get("IR_mean_rank"), EPS);
        assertEquals(1.5, r.get("IR_median_rank"), EPS);
        assertEquals(1.5, r.get("TR_mean_rank"), EPS);
        assertEquals((0.5 + 1 + 1 + 0.5 + 1 + 1) / 6, r.get("R_mean"), EPS);
    }

    @Test
    void tiesCountAgainstTheGroundTruth() {
        double[][] s = new double[2][4];
        int[] textImage = {0, 0, 1, 1};
        // Every image ties with the gold one: rank 2 of 2.
        assertArrayEquals(new int[] {2, 2, 2, 2}, RetrievalMetrics.imageRetrieval(s, textImage).ranks());
        // The two other images' captions tie with the best gold caption: rank 3 of 4.
        assertArrayEquals(new int[] {3, 3}, RetrievalMetrics.textRetrieval(s, textImage).ranks());
        assertEquals(0.0, RetrievalMetrics.evaluate(s, textImage).get("TR@1"), EPS);
        // A tie between two gold captions does not push the image's rank down.
        double[][] t = {{0.5, 0.5, 0.1}, {0.1, 0.1, 0.9}};
        assertArrayEquals(new int[] {1, 1}, RetrievalMetrics.textRetrieval(t, new int[] {0, 0, 1}).ranks());
    }

    @Test
    void recallAtFiveAndTenWithTwelveImages() {
        int n = 12;
        double[][] s = new double[n][n];
        int[] textImage = new int[n];
        for (int t = 0; t < n; t++) {
            textImage[t] = t;
            for (int i = 0; i < n; i++) {
                s[i][t] = i < t ? 1.0 : (i == t ? 0.5 : 0.0); // caption t's image is ranked t+1
            }
        }
        RetrievalMetrics.Direction ir = RetrievalMetrics.imageRetrieval(s, textImage);
        assertEquals(1 / 12.0, ir.r1(), EPS);
        assertEquals(5 / 12.0, ir.r5(), EPS);
        assertEquals(10 / 12.0, ir.r10(), EPS);
        assertEquals(6.5, ir.meanRank(), EPS);
        assertEquals(6.5, ir.medianRank(), EPS);
    }

    @Test
    void rejectsMismatchedShapesAndImagesWithoutCaptions() {
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.evaluate(new double[][] {{1, 2}}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.textRetrieval(new double[2][1], new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.evaluate(new double[][] {{Double.NaN}}, new int[] {0}));
    }
}
