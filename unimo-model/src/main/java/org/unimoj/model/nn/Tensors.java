package org.unimoj.model.nn;

import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Array helpers every layer shares. All matrix products go through {@link #gemm}, which is
 * {@code Nd4j.gemm} on c-order operands (the fast path measured in DESIGN.md).
 */
@SuppressWarnings("try")
public final class Tensors {

    private static final ConcurrentHashMap<DataType, INDArray> ONES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Long, INDArray> ONES_ROWS = new ConcurrentHashMap<>();

    private Tensors() {}

    /** {@code c = alpha * op(a) op(b) + beta * c}; {@code c} must be contiguous. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        Nd4j.gemm(contiguous(a), contiguous(b), c, transA, transB, alpha, beta);
    }

    /** A new {@code op(a) op(b)}. */
    public static INDArray matmul(INDArray a, INDArray b, boolean transA, boolean transB) {
        long m = transA ? a.size(1) : a.size(0);
        long n = transB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), m, n);
        gemm(a, b, c, transA, transB, 1.0, 0.0);
        return c;
    }

    /** An uninitialised array of the given type and shape (in the active workspace, if any). */
    public static INDArray empty(DataType dtype, long... shape) {
        return Nd4j.createUninitialized(dtype, shape);
    }

    /** A zero-filled array of the given type and shape. */
    public static INDArray zeros(DataType dtype, long... shape) {
        return Nd4j.create(dtype, shape);
    }

    /**
     * Adds the column sums of the 2-d {@code x} ({@code [rows, cols]}) into {@code target}
     * (length {@code cols}): one gemm with a ones row, far faster than a strided reduction.
     */
    public static void addColumnSums(INDArray x, INDArray target, double scale) {
        long rows = x.size(0);
        long cols = x.size(1);
        // x^T ones as a matrix-vector product (measured faster than ones^T x here)
        INDArray t = target.reshape('c', cols, 1);
        gemm(x, onesColumn(x.dataType(), rows), t, true, false, scale, 1.0);
    }

    /** A row of ones of length {@code n}, cached outside every workspace; read-only by contract. */
    public static INDArray ones(DataType dtype, long n) {
        INDArray cached = ONES.get(dtype);
        if (cached == null || cached.length() < n) {
            synchronized (ONES) {
                cached = ONES.get(dtype);
                if (cached == null || cached.length() < n) {
                    long size = Math.max(n, cached == null ? 1024 : cached.length() * 2);
                    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        cached = Nd4j.ones(dtype, size);
                    }
                    ONES.put(dtype, cached);
                }
            }
        }
        return cached.get(NDArrayIndex.interval(0, n));
    }

    /** {@code [n, 1]} ones (a cached view). */
    private static INDArray onesColumn(DataType dtype, long n) {
        long key = n * 64 + dtype.ordinal();
        INDArray r = ONES_ROWS.get(key);
        if (r == null) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                r = ones(dtype, n).reshape('c', n, 1);
            }
            if (ONES_ROWS.size() < 4096) {
                ONES_ROWS.put(key, r);
            }
        }
        return r;
    }

    /** {@code x} itself when it is a c-order array without gaps, otherwise a c-order copy. */
    public static INDArray contiguous(INDArray x) {
        if (x.ordering() == 'c' && x.elementWiseStride() == 1) {
            return x;
        }
        return x.dup('c');
    }

    /**
     * {@code x} as a 1-d view (a copy only if {@code x} is not contiguous). Use this, not
     * {@code reshape('c', n)}: that call binds to {@code reshape(long rows, long cols)}.
     */
    public static INDArray flat(INDArray x) {
        return x.reshape('c', new long[] {x.length()});
    }

    /** Rows {@code rows} of the 2-d {@code x} as a new {@code [rows.length, cols]}. */
    public static INDArray gatherRows(INDArray x, long[] rows) {
        return Nd4j.exec(new Gather(x, Nd4j.createFromArray(rows), 0))[0];
    }

    /** {@code target[rows[i]] += updates[i]} for every i; repeated rows add up. */
    public static void scatterAddRows(INDArray target, long[] rows, INDArray updates) {
        Nd4j.exec(DynamicCustomOp.builder("scatter_add")
                .addInputs(target, Nd4j.createFromArray(rows), as(updates, target.dataType())).addOutputs(target).build());
    }

    /** Converts to {@code dtype} unless it already is. */
    public static INDArray as(INDArray x, DataType dtype) {
        return x.dataType() == dtype ? x : x.castTo(dtype);
    }
}
