package org.unimoj.model.generate;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code width} best entries of each row of a beam's candidate scores, best first (ties: the
 * lower index first; NaN never selected). Done in Java on one copy of the scores: ND4J's sorted
 * {@code top_k} op took 2.5 s per step over a 50,265-id vocabulary where this takes about 50 ms,
 * and {@code width} (twice the beam) is tiny, so an insertion into a short sorted list per
 * entry that beats the current last is all the work there is.
 */
final class TopCandidates {

    private TopCandidates() {}

    /**
     * @param scores  [rows, length] candidate scores
     * @param values  out: [rows][width] the best scores, descending; -infinity fills a row with fewer finite entries
     * @param indices out: [rows][width] their column indices
     */
    static void select(INDArray scores, int width, double[][] values, long[][] indices) {
        int rows = (int) scores.size(0);
        int length = (int) scores.size(1);
        if (scores.dataType() == DataType.DOUBLE) {
            double[] flat = scores.dup('c').data().asDouble();
            for (int r = 0; r < rows; r++) {
                int count = 0;
                int base = r * length;
                for (int j = 0; j < length; j++) {
                    count = offer(flat[base + j], j, count, width, values[r], indices[r]);
                }
                fill(count, width, values[r], indices[r]);
            }
        } else {
            float[] flat = scores.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (int r = 0; r < rows; r++) {
                int count = 0;
                int base = r * length;
                for (int j = 0; j < length; j++) {
                    count = offer(flat[base + j], j, count, width, values[r], indices[r]);
                }
                fill(count, width, values[r], indices[r]);
            }
        }
    }

    /** Inserts (v, j) into the sorted prefix of length {@code count} if it belongs there; returns the new count. */
    private static int offer(double v, int j, int count, int width, double[] vals, long[] idx) {
        if (v != v) {
            return count; // NaN
        }
        if (count == width) {
            if (!(v > vals[width - 1])) {
                return count; // ties keep the earlier (lower) index
            }
            count--;
        }
        int p = count;
        while (p > 0 && vals[p - 1] < v) {
            vals[p] = vals[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        vals[p] = v;
        idx[p] = j;
        return count + 1;
    }

    private static void fill(int count, int width, double[] vals, long[] idx) {
        for (int p = count; p < width; p++) {
            vals[p] = Double.NEGATIVE_INFINITY;
            idx[p] = 0;
        }
    }
}
