package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One post-LayerNorm Transformer layer, as BERT/RoBERTa:
 * {@code h = LN1(x + drop(attn(x)))}, {@code y = LN2(h + drop(W2 gelu(W1 h)))}. The residual
 * connections pass the gradient to both branches. Parameter names follow Hugging Face's
 * {@code roberta.encoder.layer.N.*}.
 */
public final class TransformerLayer {

    /** Everything the backward pass needs. */
    public record Out(INDArray y, MultiHeadSelfAttention.Out attention, Dropout.Out attentionDrop, LayerNorm.Out ln1,
                      INDArray intermediate, Gelu.Out gelu, Dropout.Out outputDrop, LayerNorm.Out ln2) {}

    private final MultiHeadSelfAttention attention;
    private final LayerNorm ln1;
    private final Linear ffnIn;
    private final Linear ffnOut;
    private final LayerNorm ln2;
    private final Dropout dropout;

    /** @param prefix e.g. {@code roberta.encoder.layer.3} */
    public TransformerLayer(ParameterStore store, String prefix, int hidden, int heads, int ffn, double dropout,
                            double attentionDropout, double layerNormEps, double initStd) {
        this.attention = new MultiHeadSelfAttention(store, prefix + ".attention.self", prefix + ".attention.output.dense",
                hidden, heads, attentionDropout, initStd);
        this.ln1 = new LayerNorm(store, prefix + ".attention.output.LayerNorm", hidden, layerNormEps);
        this.ffnIn = new Linear(store, prefix + ".intermediate.dense", hidden, ffn, true, initStd);
        this.ffnOut = new Linear(store, prefix + ".output.dense", ffn, hidden, true, initStd);
        this.ln2 = new LayerNorm(store, prefix + ".output.LayerNorm", hidden, layerNormEps);
        this.dropout = new Dropout(dropout);
    }

    public MultiHeadSelfAttention attention() {
        return attention;
    }

    public LayerNorm attentionLayerNorm() {
        return ln1;
    }

    public Linear intermediate() {
        return ffnIn;
    }

    public Linear output() {
        return ffnOut;
    }

    public LayerNorm outputLayerNorm() {
        return ln2;
    }

    public Dropout dropout() {
        return dropout;
    }

    /**
     * @param x    {@code [batch * seq, hidden]}
     * @param mask additive {@code [batch, seq, seq]}
     */
    public Out forward(INDArray x, int batch, int seq, INDArray mask, StepRandom random) {
        MultiHeadSelfAttention.Out a = attention.forward(x, batch, seq, mask, random);
        Dropout.Out ad = dropout.forward(a.y(), random);
        INDArray res1 = ad.y() == a.y() ? a.y().addi(x) : ad.y().add(x);
        LayerNorm.Out l1 = ln1.forward(res1);
        INDArray inter = ffnIn.forward(l1.y());
        Gelu.Out g = Gelu.forward(inter);
        INDArray f = ffnOut.forward(g.y());
        Dropout.Out od = dropout.forward(f, random);
        INDArray res2 = od.y() == f ? f.addi(l1.y()) : od.y().add(l1.y());
        LayerNorm.Out l2 = ln2.forward(res2);
        return new Out(l2.y(), a, ad, l1, inter, g, od, l2);
    }

    /**
     * One decoding step with a key/value cache (evaluation): see
     * {@link MultiHeadSelfAttention#step}. Returns the layer output for the new tokens.
     */
    public INDArray step(INDArray x, INDArray keys, INDArray values, long position, INDArray keyMask) {
        INDArray a = attention.step(x, keys, values, position, keyMask).addi(x);
        INDArray h = ln1.forward(a).y();
        INDArray f = ffnOut.forward(Gelu.forward(ffnIn.forward(h)).y()).addi(h);
        return ln2.forward(f).y();
    }

    /** Adds the parameter gradients and returns {@code dx}. */
    public INDArray backward(Out o, INDArray dy) {
        INDArray dres2 = ln2.backward(o.ln2(), dy);
        INDArray df = dropout.backward(o.outputDrop(), dres2);
        INDArray dg = ffnOut.backward(o.gelu().y(), df);
        INDArray dinter = Gelu.backward(o.gelu(), dg);
        INDArray dl1 = ffnIn.backward(o.ln1().y(), dinter).addi(dres2);
        INDArray dres1 = ln1.backward(o.ln1(), dl1);
        INDArray da = dropout.backward(o.attentionDrop(), dres1);
        return attention.backward(o.attention(), da).addi(dres1);
    }
}
