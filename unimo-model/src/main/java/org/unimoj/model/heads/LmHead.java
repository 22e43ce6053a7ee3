package org.unimoj.model.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.nn.Embedding;
import org.unimoj.model.nn.Gelu;
import org.unimoj.model.nn.Init;
import org.unimoj.model.nn.LayerNorm;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;

/**
 * RoBERTa's LM head: {@code Linear(H, H) -> GELU -> LayerNorm -> word embedding^T + bias}, with
 * the output layer tied to the input word embedding. Names as Hugging Face's
 * {@code RobertaForMaskedLM}: {@code lm_head.dense}, {@code lm_head.layer_norm},
 * {@code lm_head.bias}. Used for masked LM and for seq2seq LM alike.
 */
public final class LmHead {

    /** Everything the backward pass needs. */
    public record Out(INDArray logits, INDArray rows, INDArray dense, Gelu.Out gelu, LayerNorm.Out norm) {}

    private final Linear dense;
    private final LayerNorm norm;
    private final Linear decoder;

    public LmHead(ParameterStore store, Embedding words, int hidden, double layerNormEps, double initStd) {
        this.dense = new Linear(store, "lm_head.dense", hidden, hidden, true, initStd);
        this.norm = new LayerNorm(store, "lm_head.layer_norm", hidden, layerNormEps);
        this.decoder = new Linear(words.table(), store.create("lm_head.bias", Init.zeros(), false, words.rows()));
    }

    /** The output layer (word embedding and bias). */
    public Linear decoder() {
        return decoder;
    }

    /** Logits {@code [m, vocab]} for encoder output rows {@code [m, hidden]}. */
    public Out forward(INDArray rows) {
        INDArray d = dense.forward(rows);
        Gelu.Out g = Gelu.forward(d);
        LayerNorm.Out n = norm.forward(g.y());
        return new Out(decoder.forward(n.y()), rows, d, g, n);
    }

    /** Adds the head's gradients (including the tied embedding's) and returns the rows' gradient. */
    public INDArray backward(Out o, INDArray dLogits) {
        INDArray dn = decoder.backward(o.norm().y(), dLogits);
        INDArray dg = norm.backward(o.norm(), dn);
        INDArray dd = Gelu.backward(o.gelu(), dg);
        return dense.backward(o.rows(), dd);
    }
}
