package org.unimoj.model.nn;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batched products {@code c[i] = alpha * op(a[i]) op(b[i]) + beta * c[i]} over rank-3 arrays, as
 * attention needs them (one product per (head, example)).
 *
 * <p>Two strategies, both on {@code Nd4j.gemm}: {@link Strategy#RANK3} passes the rank-3 arrays to
 * one call (libnd4j loops over the batch itself), {@link Strategy#PER_SLICE} calls gemm once per
 * matrix. The default is the faster one as measured by the training benchmark on this machine;
 * {@code -Dunimoj.batchedGemm=rank3|per_slice} overrides it.
 */
public final class BatchedMatmul {

    /** How the batch of products is issued. */
    public enum Strategy { RANK3, PER_SLICE }

    private static volatile Strategy strategy = Strategy.valueOf(
            System.getProperty("unimoj.batchedGemm", "rank3").toUpperCase(Locale.ROOT));

    private BatchedMatmul() {}

    public static Strategy strategy() {
        return strategy;
    }

    public static void setStrategy(Strategy s) {
        strategy = s;
    }

    /** {@code c = alpha * op(a) op(b) + beta * c} for rank-3 {@code a}, {@code b}, {@code c} (c contiguous). */
    public static void mm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        if (a.rank() != 3 || b.rank() != 3 || c.rank() != 3 || a.size(0) != b.size(0) || a.size(0) != c.size(0)) {
            throw new IllegalArgumentException("batched matmul needs rank-3 operands with one batch size");
        }
        INDArray ca = Tensors.contiguous(a);
        INDArray cb = Tensors.contiguous(b);
        if (strategy == Strategy.RANK3) {
            Nd4j.gemm(ca, cb, c, transA, transB, alpha, beta);
        } else {
            long n = c.size(0);
            for (long i = 0; i < n; i++) {
                Nd4j.gemm(ca.slice(i), cb.slice(i), c.slice(i), transA, transB, alpha, beta);
            }
        }
    }
}
