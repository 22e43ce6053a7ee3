package org.unimoj.tasks.metrics.glue;

import java.util.HashMap;
import java.util.Map;

/**
 * The GLUE classification metrics as the GLUE baselines compute them with scikit-learn: accuracy,
 * binary F1 of the positive class ({@code f1_score}) and Matthews correlation ({@code matthews_corrcoef},
 * multi-class form). Undefined values are 0, as scikit-learn returns them.
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /** Fraction of predictions equal to the gold label. */
    public static double accuracy(int[] gold, int[] predicted) {
        check(gold, predicted);
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            right += gold[i] == predicted[i] ? 1 : 0;
        }
        return right / (double) gold.length;
    }

    /** F1 of class {@code positive}: {@code 2 tp / (2 tp + fp + fn)}, 0 when there is no positive on either side. */
    public static double f1(int[] gold, int[] predicted, int positive) {
        check(gold, predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < gold.length; i++) {
            boolean g = gold[i] == positive;
            boolean p = predicted[i] == positive;
            if (g && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (g) {
                fn++;
            }
        }
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0.0 : 2.0 * tp / denominator;
    }

    /**
     * Matthews correlation coefficient, multi-class (Gorodkin's R_K, as scikit-learn): 0 when all gold
     * labels or all predictions are one class.
     */
    public static double matthews(int[] gold, int[] predicted) {
        check(gold, predicted);
        Map<Integer, long[]> perClass = new HashMap<>(); // [times true, times predicted]
        long correct = 0;
        for (int i = 0; i < gold.length; i++) {
            perClass.computeIfAbsent(gold[i], k -> new long[2])[0]++;
            perClass.computeIfAbsent(predicted[i], k -> new long[2])[1]++;
            correct += gold[i] == predicted[i] ? 1 : 0;
        }
        double s = gold.length;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (long[] c : perClass.values()) {
            tp += (double) c[0] * c[1];
            pp += (double) c[1] * c[1];
            tt += (double) c[0] * c[0];
        }
        double covYtYp = correct * s - tp;
        double covYpYp = s * s - pp;
        double covYtYt = s * s - tt;
        if (covYpYp * covYtYt == 0) {
            return 0.0;
        }
        return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }

    private static void check(int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(gold.length + " gold labels but " + predicted.length + " predictions");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("no examples to score");
        }
    }
}
