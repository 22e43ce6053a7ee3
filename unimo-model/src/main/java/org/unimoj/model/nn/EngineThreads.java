package org.unimoj.model.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The thread counts of the numeric engine: ND4J's own pool (elementwise ops, reductions) and the
 * BLAS library's (matrix products). Both are process-wide.
 *
 * <p>Measured on this 2-core machine: one thread per op with one training shard per core
 * ({@link org.unimoj.model.pretrain.DataParallelStep}) beats two threads per op, and multithreaded
 * ops lose badly whenever other processes share the cores (their threads wait on each other).
 */
public final class EngineThreads {

    private EngineThreads() {}

    /** Sets ND4J's pool and the BLAS library to {@code opThreads} and {@code blasThreads} threads. */
    public static void configure(int opThreads, int blasThreads) {
        if (opThreads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got " + opThreads + " and " + blasThreads);
        }
        Nd4j.getEnvironment().setMaxThreads(opThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(opThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
    }

    /** Every op on the calling thread alone: what data-parallel workers want. */
    public static void singleThreadedOps() {
        configure(1, 1);
    }
}
