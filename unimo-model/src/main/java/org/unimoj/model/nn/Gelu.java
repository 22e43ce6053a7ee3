package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/** GELU in its exact (erf) form, {@code x * Phi(x)} with {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2}. */
public final class Gelu {

    /** The output and what the backward pass needs: the input and {@code Phi(x)}. */
    public record Out(INDArray y, INDArray x, INDArray cdf) {}

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double LOG_INV_SQRT_2PI = -0.5 * Math.log(2.0 * Math.PI);

    private Gelu() {}

    public static Out forward(INDArray x) {
        INDArray cdf = x.mul(INV_SQRT2);
        Nd4j.exec(new Erf(cdf, cdf));
        cdf.muli(0.5).addi(0.5);
        return new Out(x.mul(cdf), x, cdf);
    }

    /** {@code dx = dy * (Phi(x) + x * phi(x))}, with {@code phi} the standard normal density. */
    public static INDArray backward(Out o, INDArray dy) {
        INDArray g = o.x().mul(o.x());
        g.muli(-0.5).addi(LOG_INV_SQRT_2PI);
        Nd4j.exec(new Exp(g, g));
        return g.muli(o.x()).addi(o.cdf()).muli(dy);
    }
}
