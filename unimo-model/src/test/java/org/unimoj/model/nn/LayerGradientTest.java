package org.unimoj.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unimoj.model.testing.Arrays2.dot;
import static org.unimoj.model.testing.Arrays2.gaussian;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.testing.GradientCheck;

/** Every layer against finite differences in double precision (loss = sum(output * R), R fixed). */
class LayerGradientTest {

    private static final DataType D = DataType.DOUBLE;

    @Test
    void linearWithAndWithoutBias() {
        for (boolean bias : new boolean[] {true, false}) {
            ParameterStore store = new ParameterStore(D);
            Linear layer = new Linear(store, "l", 5, 3, bias, 0.5);
            store.allocate(1);
            INDArray x = gaussian(2, 1, D, 4, 5);
            INDArray r = gaussian(3, 1, D, 4, 3);
            store.zeroGrads();
            INDArray dx = layer.backward(x, r);
            GradientCheck.params(store, () -> dot(layer.forward(x), r), 100, 4).assertPassed();
            GradientCheck.input("x", x, dx, () -> dot(layer.forward(x), r), 100, 5).assertPassed();
        }
    }

    @Test
    void embeddingScatterAddsRepeatedIds() {
        ParameterStore store = new ParameterStore(D);
        Embedding e = new Embedding(store, "e", 6, 3, 1.0);
        store.allocate(7);
        INDArray ids = Embedding.ids(new int[] {2, 5, 2, 2, 0, 5});
        INDArray r = gaussian(8, 1, D, 6, 3);
        store.zeroGrads();
        e.backward(ids, r);
        GradientCheck.params(store, () -> dot(e.forward(ids), r), 100, 9).assertPassed();
        // row 2 appears three times: its gradient is the sum of three rows of r
        INDArray expected = r.getRow(0).add(r.getRow(2)).add(r.getRow(3));
        assertEquals(0, expected.sub(e.table().grad().getRow(2)).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, e.table().grad().getRow(1).norm2Number().doubleValue(), 0.0);
    }

    @Test
    void layerNorm() {
        ParameterStore store = new ParameterStore(D);
        LayerNorm ln = new LayerNorm(store, "ln", 6, 1e-5);
        store.allocate(1);
        // non-trivial gain and bias
        ln.gain().value().assign(gaussian(11, 1, D, 6));
        ln.bias().value().assign(gaussian(12, 1, D, 6));
        INDArray x = gaussian(13, 2, D, 4, 6);
        INDArray r = gaussian(14, 1, D, 4, 6);
        store.zeroGrads();
        INDArray dx = ln.backward(ln.forward(x), r);
        GradientCheck.params(store, () -> dot(ln.forward(x).y(), r), 100, 15).assertPassed();
        GradientCheck.input("x", x, dx, () -> dot(ln.forward(x).y(), r), 100, 16).assertPassed();
        // rows are normalised: mean 0, variance 1 before gain/bias
        INDArray xhat = ln.forward(x).xhat();
        assertEquals(0, xhat.mean(1).norm2Number().doubleValue(), 1e-12);
        assertEquals(1, xhat.var(false, 1).getDouble(0), 1e-4);
    }

    @Test
    void geluIsTheErfFormAndDifferentiates() {
        INDArray x = Nd4j.createFromArray(-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0).reshape(1, 7);
        INDArray y = Gelu.forward(x).y();
        // x * Phi(x): reference values of the exact (erf) GELU
        double[] expected = {-0.0040496941, -0.1586552539, -0.1542687694, 0.0, 0.3457312306, 0.8413447461, 2.9959503059};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], y.getDouble(0, i), 1e-9);
        }
        INDArray in = gaussian(21, 2, D, 5, 4);
        INDArray r = gaussian(22, 1, D, 5, 4);
        INDArray dx = Gelu.backward(Gelu.forward(in), r);
        GradientCheck.input("x", in, dx, () -> dot(Gelu.forward(in).y(), r), 100, 23).assertPassed();
    }

    @Test
    void reluAwayFromTheKink() {
        INDArray x = gaussian(31, 1, D, 5, 4);
        x.addi(Nd4j.createFromArray(0.3).castTo(D).mul(org.nd4j.linalg.ops.transforms.Transforms.sign(x, true)));
        INDArray r = gaussian(32, 1, D, 5, 4);
        INDArray dx = Relu.backward(Relu.forward(x), r);
        GradientCheck.input("x", x, dx, () -> dot(Relu.forward(x), r), 100, 33).assertPassed();
    }

    @Test
    void l2Normalize() {
        INDArray x = gaussian(41, 1, D, 4, 5);
        INDArray r = gaussian(42, 1, D, 4, 5);
        INDArray dx = L2Normalize.backward(L2Normalize.forward(x), r);
        GradientCheck.input("x", x, dx, () -> dot(L2Normalize.forward(x).z(), r), 100, 43).assertPassed();
        assertEquals(1.0, L2Normalize.forward(x).z().getRow(2).norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void dropoutIsSeededScaledAndOffInEvaluation() {
        Dropout d = new Dropout(0.4);
        INDArray x = gaussian(51, 1, D, 30, 40);
        INDArray r = gaussian(52, 1, D, 30, 40);
        Dropout.Out o = d.forward(x, StepRandom.forStep(9, 3));
        INDArray dx = d.backward(o, r);
        GradientCheck.input("x", x, dx, () -> dot(d.forward(x, StepRandom.forStep(9, 3)).y(), r), 200, 53).assertPassed();
        // same (seed, step): same mask; next step: a different one; evaluation: identity
        assertEquals(o.mask(), d.forward(x, StepRandom.forStep(9, 3)).mask());
        INDArray other = d.forward(x, StepRandom.forStep(9, 4)).mask();
        assertEquals(false, o.mask().equals(other));
        assertEquals(x, d.forward(x, null).y());
        double kept = o.mask().gt(0).castTo(D).meanNumber().doubleValue();
        assertEquals(0.6, kept, 0.05);
        assertEquals(1 / 0.6, o.mask().maxNumber().doubleValue(), 1e-12);
    }

    @Test
    void multiHeadSelfAttentionWithAMask() {
        ParameterStore store = new ParameterStore(D);
        MultiHeadSelfAttention attn = new MultiHeadSelfAttention(store, "a.self", "a.output.dense", 6, 2, 0.0, 0.5);
        store.allocate(61);
        int batch = 2;
        int seq = 4;
        INDArray x = gaussian(62, 1, D, batch * seq, 6);
        INDArray mask = Nd4j.zeros(D, batch, seq, seq);
        mask.putScalar(new long[] {0, 0, 3}, -1e9);
        mask.putScalar(new long[] {0, 1, 3}, -1e9);
        mask.putScalar(new long[] {1, 2, 0}, -1e9);
        INDArray r = gaussian(63, 1, D, batch * seq, 6);
        store.zeroGrads();
        INDArray dx = attn.backward(attn.forward(x, batch, seq, mask, null), r);
        GradientCheck.params(store, () -> dot(attn.forward(x, batch, seq, mask, null).y(), r), 200, 64).assertPassed();
        GradientCheck.input("x", x, dx, () -> dot(attn.forward(x, batch, seq, mask, null).y(), r), 200, 65).assertPassed();
        // a blocked key gets exactly zero probability
        MultiHeadSelfAttention.Out o = attn.forward(x, batch, seq, mask, null);
        assertEquals(0.0, o.probs().getDouble(0, 0, 3), 0.0);
        assertEquals(1.0, o.probs().get(org.nd4j.linalg.indexing.NDArrayIndex.point(1), org.nd4j.linalg.indexing.NDArrayIndex.point(2)).sumNumber().doubleValue(), 1e-12);
        // a key-only mask [batch, 1, seq] broadcasts over queries
        INDArray keyMask = Nd4j.zeros(D, batch, 1, seq);
        keyMask.putScalar(new long[] {1, 0, 3}, -1e9);
        INDArray full = Nd4j.zeros(D, batch, seq, seq);
        for (int q = 0; q < seq; q++) {
            full.putScalar(new long[] {1, q, 3}, -1e9);
        }
        assertEquals(attn.forward(x, batch, seq, full, null).y(), attn.forward(x, batch, seq, keyMask, null).y());
    }

    @Test
    void transformerLayerWithDropout() {
        ParameterStore store = new ParameterStore(D);
        TransformerLayer layer = new TransformerLayer(store, "layer.0", 6, 2, 10, 0.2, 0.1, 1e-5, 0.5);
        store.allocate(71);
        int batch = 2;
        int seq = 3;
        INDArray x = gaussian(72, 1, D, batch * seq, 6);
        INDArray mask = Nd4j.zeros(D, batch, seq, seq);
        mask.putScalar(new long[] {1, 0, 2}, -1e9);
        INDArray r = gaussian(73, 1, D, batch * seq, 6);
        store.zeroGrads();
        INDArray dx = layer.backward(layer.forward(x, batch, seq, mask, StepRandom.forStep(5, 1)), r);
        GradientCheck.params(store, () -> dot(layer.forward(x, batch, seq, mask, StepRandom.forStep(5, 1)).y(), r), 40, 74).assertPassed();
        GradientCheck.input("x", x, dx, () -> dot(layer.forward(x, batch, seq, mask, StepRandom.forStep(5, 1)).y(), r), 100, 75).assertPassed();
    }

    @Test
    void batchedProductStrategiesAgree() {
        INDArray a = gaussian(81, 1, D, 3, 4, 5);
        INDArray b = gaussian(82, 1, D, 3, 6, 5);
        INDArray c1 = Nd4j.create(D, 3, 4, 6);
        INDArray c2 = Nd4j.create(D, 3, 4, 6);
        BatchedMatmul.Strategy before = BatchedMatmul.strategy();
        try {
            BatchedMatmul.setStrategy(BatchedMatmul.Strategy.RANK3);
            BatchedMatmul.mm(a, b, c1, false, true, 0.5, 0.0);
            BatchedMatmul.setStrategy(BatchedMatmul.Strategy.PER_SLICE);
            BatchedMatmul.mm(a, b, c2, false, true, 0.5, 0.0);
        } finally {
            BatchedMatmul.setStrategy(before);
        }
        INDArray expected = a.slice(1).mmul(b.slice(1).transpose()).muli(0.5);
        assertEquals(0, expected.sub(c1.slice(1)).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, c1.sub(c2).norm2Number().doubleValue(), 1e-12);
    }
}
