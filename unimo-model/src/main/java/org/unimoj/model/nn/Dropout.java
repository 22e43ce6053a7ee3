package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/** Inverted dropout: keeps each value with probability {@code 1 - p} and scales it by {@code 1 / (1 - p)}. */
public final class Dropout {

    /** The output and the scaled keep-mask ({@code null} when nothing was dropped). */
    public record Out(INDArray y, INDArray mask) {}

    private final double p;

    public Dropout(double p) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
        }
        this.p = p;
    }

    public double probability() {
        return p;
    }

    /** Identity when {@code random} is {@code null} (evaluation) or {@code p} is 0. */
    public Out forward(INDArray x, StepRandom random) {
        if (random == null || p == 0) {
            return new Out(x, null);
        }
        INDArray mask = Tensors.empty(x.dataType(), x.shape());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1.0 - p), random.next());
        mask.muli(1.0 / (1.0 - p));
        return new Out(x.mul(mask), mask);
    }

    public INDArray backward(Out o, INDArray dy) {
        return o.mask() == null ? dy : dy.mul(o.mask());
    }
}
