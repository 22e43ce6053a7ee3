package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.nn.Gelu;
import org.unimoj.model.nn.LayerNorm;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;

/**
 * The classifier on pooled vectors: with a hidden size, {@code Linear(in, hidden) -> GELU ->
 * LayerNorm -> Linear(hidden, out)} (the VQA / SNLI-VE classifier of UNITER-style models); with
 * hidden 0, one {@code Linear(in, out)} (UNIMO's GLUE head). Parameters {@code NAME.dense},
 * {@code NAME.layer_norm}, {@code NAME.out}.
 */
public final class Mlp {

    /** The output and what the backward pass needs (hidden parts null for a single Linear). */
    public record Out(INDArray y, INDArray x, INDArray dense, Gelu.Out gelu, LayerNorm.Out norm) {}

    private final Linear dense;
    private final LayerNorm norm;
    private final Linear out;

    public Mlp(ParameterStore store, String name, int in, int hidden, int outputs, double layerNormEps, double initStd) {
        if (in < 1 || hidden < 0 || outputs < 1) {
            throw new IllegalArgumentException("bad MLP sizes: in=" + in + " hidden=" + hidden + " out=" + outputs);
        }
        if (hidden > 0) {
            this.dense = new Linear(store, name + ".dense", in, hidden, true, initStd);
            this.norm = new LayerNorm(store, name + ".layer_norm", hidden, layerNormEps);
            this.out = new Linear(store, name + ".out", hidden, outputs, true, initStd);
        } else {
            this.dense = null;
            this.norm = null;
            this.out = new Linear(store, name + ".out", in, outputs, true, initStd);
        }
    }

    public Out forward(INDArray x) {
        if (dense == null) {
            return new Out(out.forward(x), x, null, null, null);
        }
        INDArray d = dense.forward(x);
        Gelu.Out g = Gelu.forward(d);
        LayerNorm.Out n = norm.forward(g.y());
        return new Out(out.forward(n.y()), x, d, g, n);
    }

    /** Adds the parameter gradients for {@code dy} and returns the input's gradient. */
    public INDArray backward(Out o, INDArray dy) {
        if (dense == null) {
            return out.backward(o.x(), dy);
        }
        INDArray dn = out.backward(o.norm().y(), dy);
        INDArray dg = norm.backward(o.norm(), dn);
        return dense.backward(o.x(), Gelu.backward(o.gelu(), dg));
    }
}
