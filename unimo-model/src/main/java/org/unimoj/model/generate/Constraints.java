package org.unimoj.model.generate;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The rules every search applies to a step's log-probabilities before choosing. */
final class Constraints {

    private Constraints() {}

    /**
     * Blocks end-of-sequence before {@code minLength} tokens and, with trigram blocking, every
     * token that would repeat a trigram of the row's history.
     */
    static void apply(INDArray logp, int step, int minLength, int eos, boolean noRepeatTrigrams, List<int[]> histories) {
        if (step < minLength) {
            logp.get(NDArrayIndex.all(), NDArrayIndex.point(eos)).assign(Double.NEGATIVE_INFINITY);
        }
        if (noRepeatTrigrams) {
            for (int r = 0; r < histories.size(); r++) {
                int[] h = histories.get(r);
                int n = h.length;
                if (n < 2) {
                    continue;
                }
                int a = h[n - 2];
                int b = h[n - 1];
                for (int i = 0; i + 2 < n; i++) {
                    if (h[i] == a && h[i + 1] == b) {
                        logp.putScalar(r, h[i + 2], Double.NEGATIVE_INFINITY);
                    }
                }
            }
        }
    }
}
