package org.unimoj.model.nn;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code y = x W^T + b} with {@code W} stored as {@code [out, in]} (the PyTorch / Hugging Face
 * layout, so checkpoints map one to one).
 */
public final class Linear {

    private final Param weight;
    private final Param bias;
    private final long in;
    private final long out;

    /** A new layer named {@code name} ({@code name.weight}, {@code name.bias}) in {@code store}. */
    public Linear(ParameterStore store, String name, long in, long out, boolean withBias, double initStd) {
        this(store.create(name + ".weight", Init.normal(initStd), true, out, in),
                withBias ? store.create(name + ".bias", Init.zeros(), false, out) : null);
    }

    /** A layer over existing parameters (a fused projection, a tied weight). */
    public Linear(Param weight, Param bias) {
        this.weight = Objects.requireNonNull(weight, "weight");
        this.bias = bias;
        long[] s = weight.shape();
        if (s.length != 2) {
            throw new IllegalArgumentException("Linear weight " + weight.name() + " must be 2-d [out, in]");
        }
        this.out = s[0];
        this.in = s[1];
        if (bias != null && (bias.shape().length != 1 || bias.shape()[0] != out)) {
            throw new IllegalArgumentException("Linear bias " + bias.name() + " must have shape [" + out + "]");
        }
    }

    public Param weight() {
        return weight;
    }

    /** The bias, or {@code null} for a layer without one. */
    public Param bias() {
        return bias;
    }

    public long inFeatures() {
        return in;
    }

    public long outFeatures() {
        return out;
    }

    /** {@code x [n, in]} to a new {@code [n, out]}. */
    public INDArray forward(INDArray x) {
        checkInput(x);
        INDArray y = Tensors.empty(x.dataType(), x.size(0), out);
        forwardInto(x, y);
        return y;
    }

    /** Writes {@code x W^T + b} into the contiguous {@code y [n, out]}. */
    public void forwardInto(INDArray x, INDArray y) {
        Tensors.gemm(x, weight.value(), y, false, true, 1.0, 0.0);
        if (bias != null) {
            y.addiRowVector(bias.value());
        }
    }

    /** Adds the parameter gradients for {@code dy} and returns {@code dx = dy W}. */
    public INDArray backward(INDArray x, INDArray dy) {
        accumulateParamGrads(x, dy);
        return Tensors.matmul(dy, weight.value(), false, false);
    }

    /** Adds {@code dy^T x} to the weight gradient and the column sums of {@code dy} to the bias gradient. */
    public void accumulateParamGrads(INDArray x, INDArray dy) {
        Tensors.gemm(dy, x, weight.grad(), true, false, 1.0, 1.0);
        if (bias != null) {
            Tensors.addColumnSums(dy, bias.grad(), 1.0);
        }
    }

    private void checkInput(INDArray x) {
        if (x.rank() != 2 || x.size(1) != in) {
            throw new IllegalArgumentException("Linear " + weight.name() + " expects [n, " + in + "], got " + java.util.Arrays.toString(x.shape()));
        }
    }
}
