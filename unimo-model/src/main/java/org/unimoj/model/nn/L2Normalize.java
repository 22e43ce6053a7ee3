package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Row-wise {@code z = x / max(||x||, eps)}, as PyTorch's {@code F.normalize}. */
public final class L2Normalize {

    /**
     * The output and what the backward pass needs.
     *
     * @param z        the normalised rows
     * @param invNorm  {@code 1 / max(||x||, eps)} per row, {@code [n, 1]}
     * @param unclamped 1 for rows whose norm was at least eps, 0 for clamped rows, {@code [n, 1]}
     */
    public record Out(INDArray z, INDArray invNorm, INDArray unclamped) {}

    public static final double EPS = 1e-12;

    private L2Normalize() {}

    public static Out forward(INDArray x) {
        INDArray norm = x.norm2(true, 1);
        INDArray unclamped = norm.gte(EPS).castTo(x.dataType());
        INDArray inv = Transforms.pow(Transforms.max(norm, EPS, true), -1, false);
        return new Out(x.mulColumnVector(inv), inv, unclamped);
    }

    /** {@code dx = (dz - z (z . dz)) / ||x||}; a clamped row is a plain scaling, {@code dx = dz / eps}. */
    public static INDArray backward(Out o, INDArray dz) {
        INDArray dot = o.z().mul(dz).sum(true, 1).muli(o.unclamped());
        INDArray proj = o.z().mulColumnVector(dot);
        return dz.sub(proj).muliColumnVector(o.invNorm());
    }
}
