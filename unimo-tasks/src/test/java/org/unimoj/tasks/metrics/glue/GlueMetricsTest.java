package org.unimoj.tasks.metrics.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GLUE metrics on hand-computed cases (the same values scikit-learn and SciPy give). */
class GlueMetricsTest {

    private static final double EPS = 1e-12;

    private static final int[] GOLD = {1, 0, 1, 1};
    private static final int[] PRED = {1, 1, 1, 0};

    @Test
    void accuracyAndF1() {
        assertEquals(0.5, ClassificationMetrics.accuracy(GOLD, PRED), EPS);
        // tp 2, fp 1, fn 1: 4 / 6.
        assertEquals(2 / 3.0, ClassificationMetrics.f1(GOLD, PRED, 1), EPS);
        // No positive on either side: 0, as scikit-learn's zero_division default.
        assertEquals(0.0, ClassificationMetrics.f1(new int[] {0, 0}, new int[] {0, 0}, 1), EPS);
        assertEquals(1.0, ClassificationMetrics.f1(new int[] {1, 0}, new int[] {1, 0}, 1), EPS);
    }

    @Test
    void matthewsBinaryMultiClassAndDegenerate() {
        // tp 2, tn 0, fp 1, fn 1: (0 - 1) / sqrt(3 * 3 * 1 * 1).
        assertEquals(-1 / 3.0, ClassificationMetrics.matthews(GOLD, PRED), EPS);
        // 3 of 6 right; true counts 2,2,2; predicted 3,1,2: (3*6 - 12) / sqrt((36 - 12) * (36 - 14)).
        assertEquals(6 / Math.sqrt(24 * 22), ClassificationMetrics.matthews(new int[] {0, 1, 2, 0, 1, 2}, new int[] {0, 2, 1, 0, 0, 2}), EPS);
        assertEquals(1.0, ClassificationMetrics.matthews(new int[] {0, 1, 1}, new int[] {0, 1, 1}), EPS);
        // All predictions one class: undefined, 0.
        assertEquals(0.0, ClassificationMetrics.matthews(new int[] {1, 1, 0}, new int[] {1, 1, 1}), EPS);
    }

    @Test
    void pearsonAndSpearmanWithTies() {
        // dx = (-1, 0, 1), dy = (-7/3, -1/3, 8/3): 5 / sqrt(2 * 114/9).
        assertEquals(15 / Math.sqrt(228), Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 7}), EPS);
        // Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5).
        assertEquals(Math.sqrt(0.9), Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 30, 40}), EPS);
        assertArrayEquals(new double[] {3.5, 1, 3.5, 2}, Correlation.averageRanks(new double[] {3, 1, 3, 2}), EPS);
        assertEquals(-1.0, Correlation.spearman(new double[] {1, 2, 3}, new double[] {9, 5, 1}), EPS);
    }

    @Test
    void allEqualInputsGiveNaNAsSciPy() {
        assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.accuracy(new int[] {1}, new int[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.accuracy(new int[0], new int[0]));
    }
}
