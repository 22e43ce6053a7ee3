package org.unimoj.model.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Multi-head self-attention with an additive mask {@code [batch, query, key]}.
 *
 * <p>The query, key and value projections are one fused parameter {@code [3H, H]} (one gemm),
 * saved under the Hugging Face names {@code <prefix>.self.query/key/value.weight|bias}; the
 * output projection is {@code <prefix>.output.dense}. Heads are laid out head-major
 * ({@code [heads * batch, seq, headDim]}) so the mask adds to all heads in one broadcast op.
 */
public final class MultiHeadSelfAttention {

    /** The output and what the backward pass needs. Arrays of shape {@code [3, heads, batch, seq, headDim]} hold q, k, v. */
    public record Out(INDArray y, INDArray x, INDArray qkvHeads, INDArray probs, Dropout.Out probsDropped,
                      INDArray merged, int batch, int seq) {
        /** Keys of every head, {@code [heads, batch, seq, headDim]} (for a key/value cache). */
        public INDArray keys() {
            return qkvHeads.get(NDArrayIndex.point(1));
        }

        /** Values of every head, {@code [heads, batch, seq, headDim]}. */
        public INDArray values() {
            return qkvHeads.get(NDArrayIndex.point(2));
        }
    }

    private final Linear qkv;
    private final Linear output;
    private final Dropout attentionDropout;
    private final int hidden;
    private final int heads;
    private final int headDim;
    private final double scale;

    /**
     * @param selfPrefix   e.g. {@code roberta.encoder.layer.0.attention.self}
     * @param outputPrefix e.g. {@code roberta.encoder.layer.0.attention.output.dense}
     */
    public MultiHeadSelfAttention(ParameterStore store, String selfPrefix, String outputPrefix, int hidden, int heads,
                                  double attentionDropout, double initStd) {
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        this.hidden = hidden;
        this.heads = heads;
        this.headDim = hidden / heads;
        this.scale = 1.0 / Math.sqrt(headDim);
        long h = hidden;
        Param w = store.create(selfPrefix + ".qkv.weight", Init.normal(initStd), true, List.of(
                new Param.Export(selfPrefix + ".query.weight", 0, h),
                new Param.Export(selfPrefix + ".key.weight", h, 2 * h),
                new Param.Export(selfPrefix + ".value.weight", 2 * h, 3 * h)), 3 * h, h);
        Param b = store.create(selfPrefix + ".qkv.bias", Init.zeros(), false, List.of(
                new Param.Export(selfPrefix + ".query.bias", 0, h),
                new Param.Export(selfPrefix + ".key.bias", h, 2 * h),
                new Param.Export(selfPrefix + ".value.bias", 2 * h, 3 * h)), 3 * h);
        this.qkv = new Linear(w, b);
        this.output = new Linear(store, outputPrefix, h, h, true, initStd);
        this.attentionDropout = new Dropout(attentionDropout);
    }

    public int heads() {
        return heads;
    }

    public int headDim() {
        return headDim;
    }

    public Linear qkvProjection() {
        return qkv;
    }

    public Linear outputProjection() {
        return output;
    }

    /**
     * @param x    {@code [batch * seq, hidden]}, rows grouped by example
     * @param mask additive mask {@code [batch, seq, seq]}, or {@code [batch, 1, seq]} for a mask
     *             on keys only (0 = may attend, a large negative = may not)
     */
    public Out forward(INDArray x, int batch, int seq, INDArray mask, StepRandom random) {
        long n = (long) batch * seq;
        if (mask.rank() != 3 || mask.size(0) != batch || mask.size(2) != seq || (mask.size(1) != seq && mask.size(1) != 1)) {
            throw new IllegalArgumentException("attention mask must be [" + batch + ", " + seq + " or 1, " + seq + "], got "
                    + java.util.Arrays.toString(mask.shape()));
        }
        if (mask.size(1) == 1) {
            mask = mask.broadcast(batch, seq, seq);
        }
        INDArray projected = qkv.forward(x);
        INDArray qkvHeads = Tensors.empty(x.dataType(), 3, heads, batch, seq, headDim);
        qkvHeads.assign(projected.reshape('c', batch, seq, 3, heads, headDim).permute(2, 3, 0, 1, 4));
        INDArray q = part(qkvHeads, 0);
        INDArray k = part(qkvHeads, 1);
        INDArray v = part(qkvHeads, 2);
        long bh = (long) heads * batch;
        INDArray probs = Tensors.empty(x.dataType(), bh, seq, seq);
        BatchedMatmul.mm(q, k, probs, false, true, scale, 0.0);
        probs.reshape('c', heads, (long) batch * seq * seq).addiRowVector(Tensors.flat(mask));
        Nd4j.exec(new SoftMax(probs, probs, -1));
        Dropout.Out dropped = attentionDropout.forward(probs, random);
        INDArray ctx = Tensors.empty(x.dataType(), bh, seq, headDim);
        BatchedMatmul.mm(dropped.y(), v, ctx, false, false, 1.0, 0.0);
        INDArray merged = Tensors.empty(x.dataType(), batch, seq, heads, headDim);
        merged.assign(ctx.reshape('c', heads, batch, seq, headDim).permute(1, 2, 0, 3));
        INDArray merged2 = merged.reshape('c', n, hidden);
        INDArray y = output.forward(merged2);
        return new Out(y, x, qkvHeads, probs, dropped, merged2, batch, seq);
    }

    /** Adds the parameter gradients and returns {@code dx}. */
    public INDArray backward(Out o, INDArray dy) {
        int batch = o.batch();
        int seq = o.seq();
        long bh = (long) heads * batch;
        INDArray dmerged = output.backward(o.merged(), dy);
        INDArray dctx = Tensors.empty(dy.dataType(), heads, batch, seq, headDim);
        dctx.assign(dmerged.reshape('c', batch, seq, heads, headDim).permute(2, 0, 1, 3));
        INDArray dctx3 = dctx.reshape('c', bh, seq, headDim);
        INDArray q = part(o.qkvHeads(), 0);
        INDArray k = part(o.qkvHeads(), 1);
        INDArray v = part(o.qkvHeads(), 2);
        INDArray dqkvHeads = Tensors.empty(dy.dataType(), 3, heads, batch, seq, headDim);
        INDArray dprobs = Tensors.empty(dy.dataType(), bh, seq, seq);
        BatchedMatmul.mm(dctx3, v, dprobs, false, true, 1.0, 0.0);
        BatchedMatmul.mm(o.probsDropped().y(), dctx3, part(dqkvHeads, 2), true, false, 1.0, 0.0);
        dprobs = attentionDropout.backward(o.probsDropped(), dprobs);
        // softmax backward: ds = p * (dp - sum(dp * p))
        INDArray p2 = o.probs().reshape('c', bh * seq, seq);
        INDArray dp2 = dprobs.reshape('c', bh * seq, seq);
        INDArray rowDot = dp2.mul(p2).sum(true, 1);
        dp2.subiColumnVector(rowDot).muli(p2);
        BatchedMatmul.mm(dprobs, k, part(dqkvHeads, 0), false, false, scale, 0.0);
        BatchedMatmul.mm(dprobs, q, part(dqkvHeads, 1), true, false, scale, 0.0);
        INDArray dqkv = Tensors.empty(dy.dataType(), batch, seq, 3, heads, headDim);
        dqkv.assign(dqkvHeads.permute(2, 3, 0, 1, 4));
        return qkv.backward(o.x(), dqkv.reshape('c', (long) batch * seq, 3L * hidden));
    }

    /**
     * One decoding step with a key/value cache (evaluation, no dropout): the new token of each row
     * attends to the cached keys allowed by {@code keyMask} and to itself.
     *
     * @param x        the new tokens' inputs {@code [rows, hidden]}
     * @param keys     the cache {@code [heads, rows, capacity, headDim]}; the new key is written at {@code position}
     * @param values   the cache of values, same shape
     * @param position the cache column of the new token
     * @param keyMask  additive {@code [rows, capacity]}; 0 where the new token may attend (including {@code position})
     * @return the layer output {@code [rows, hidden]}
     */
    public INDArray step(INDArray x, INDArray keys, INDArray values, long position, INDArray keyMask) {
        long rows = x.size(0);
        long capacity = keys.size(2);
        INDArray projected = qkv.forward(x);
        INDArray heads3 = Tensors.empty(x.dataType(), 3, heads, rows, headDim);
        heads3.assign(projected.reshape('c', rows, 3, heads, headDim).permute(1, 2, 0, 3));
        keys.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(position), NDArrayIndex.all())
                .assign(heads3.get(NDArrayIndex.point(1)));
        values.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(position), NDArrayIndex.all())
                .assign(heads3.get(NDArrayIndex.point(2)));
        long bh = heads * rows;
        INDArray q = heads3.get(NDArrayIndex.point(0)).reshape('c', bh, 1, headDim);
        INDArray probs = Tensors.empty(x.dataType(), bh, 1, capacity);
        BatchedMatmul.mm(q, keys.reshape('c', bh, capacity, headDim), probs, false, true, scale, 0.0);
        probs.reshape('c', heads, rows * capacity).addiRowVector(Tensors.flat(keyMask));
        Nd4j.exec(new SoftMax(probs, probs, -1));
        INDArray ctx = Tensors.empty(x.dataType(), bh, 1, headDim);
        BatchedMatmul.mm(probs, values.reshape('c', bh, capacity, headDim), ctx, false, false, 1.0, 0.0);
        INDArray merged = Tensors.empty(x.dataType(), rows, heads, headDim);
        merged.assign(ctx.reshape('c', heads, rows, headDim).permute(1, 0, 2));
        return output.forward(merged.reshape('c', rows, (long) hidden));
    }

    /** Part {@code i} (0 = q, 1 = k, 2 = v) of {@code [3, heads, batch, seq, headDim]} as {@code [heads * batch, seq, headDim]}. */
    private INDArray part(INDArray qkvHeads, int i) {
        long[] s = qkvHeads.shape();
        return qkvHeads.get(NDArrayIndex.point(i)).reshape('c', s[1] * s[2], s[3], s[4]);
    }
}
