package org.unimoj.model.encoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.Relu;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;
import org.unimoj.model.nn.TransformerLayer;

/**
 * The unified-modal encoder of UNIMO: region and text embeddings, {@code layers} post-LayerNorm
 * Transformer layers over the joint sequence, and two poolers (first text position and [IMG],
 * each {@code Linear + ReLU}, named {@code unimo.pooler.text.dense} and
 * {@code unimo.pooler.image.dense}).
 *
 * <p>{@link #forward} with a {@link StepRandom} trains (dropout on), with {@code null} evaluates.
 * {@link #backward} takes the gradients of any of the three outputs, so heads of any task can sit
 * on top.
 */
public final class UnimoEncoder {

    private final UnimoConfig config;
    private final DataType dtype;
    private final TextEmbedding text;
    private final RegionEmbedding regions;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final Linear poolText;
    private final Linear poolImage;

    /** Registers the encoder's parameters in {@code store}. */
    public UnimoEncoder(ParameterStore store, UnimoConfig config) {
        this.config = config;
        this.dtype = store.dataType();
        this.text = new TextEmbedding(store, config);
        this.regions = new RegionEmbedding(store, config);
        for (int i = 0; i < config.layers(); i++) {
            layers.add(new TransformerLayer(store, "roberta.encoder.layer." + i, config.hidden(), config.heads(),
                    config.intermediate(), config.dropout(), config.attentionDropout(), config.layerNormEps(), config.initStd()));
        }
        this.poolText = new Linear(store, "unimo.pooler.text.dense", config.hidden(), config.hidden(), true, config.initStd());
        this.poolImage = new Linear(store, "unimo.pooler.image.dense", config.hidden(), config.hidden(), true, config.initStd());
    }

    public UnimoConfig config() {
        return config;
    }

    public TextEmbedding textEmbedding() {
        return text;
    }

    public RegionEmbedding regionEmbedding() {
        return regions;
    }

    public List<TransformerLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public Linear textPooler() {
        return poolText;
    }

    public Linear imagePooler() {
        return poolImage;
    }

    /**
     * Encodes a batch.
     *
     * @param random the step's randomness for dropout, or {@code null} to evaluate
     */
    public EncoderPass forward(EncoderBatch batch, StepRandom random) {
        int n = batch.batchSize();
        int s = batch.seqLength();
        int rs = batch.regionSlots();
        int t = batch.textLength();
        long h = config.hidden();
        if (t + TextEmbedding.FIRST_POSITION > config.maxPositions()) {
            throw new IllegalArgumentException("text of " + t + " positions exceeds the model's " + config.maxTextLength());
        }
        RegionEmbedding.Out r = null;
        TextEmbedding.Out tx = null;
        if (rs > 0) {
            int[] counts = new int[n];
            for (int b = 0; b < n; b++) {
                counts[b] = batch.regionCount(b);
            }
            r = regions.forward(batch.features(), batch.locations(), counts, batch.maxRegions(), random);
        }
        if (t > 0) {
            tx = text.forward(batch.textIdArray(), n, t, random);
        }
        INDArray x;
        if (rs == 0) {
            x = tx.y();
        } else if (t == 0) {
            x = r.y();
        } else {
            INDArray joint = Tensors.empty(dtype, n, s, h);
            joint.get(all(), NDArrayIndex.interval(0, rs), all()).assign(r.y().reshape('c', n, rs, h));
            joint.get(all(), NDArrayIndex.interval(rs, s), all()).assign(tx.y().reshape('c', n, t, h));
            x = joint.reshape('c', (long) n * s, h);
        }
        INDArray mask = AttentionMasks.build(batch, dtype);
        List<TransformerLayer.Out> outs = new ArrayList<>(layers.size());
        INDArray cur = x;
        for (TransformerLayer layer : layers) {
            TransformerLayer.Out o = layer.forward(cur, n, s, mask, random);
            outs.add(o);
            cur = o.y();
        }
        INDArray firstText = null;
        INDArray pooledText = null;
        INDArray imageToken = null;
        INDArray pooledImage = null;
        INDArray seq3 = cur.reshape('c', n, s, h);
        if (t > 0) {
            firstText = seq3.get(all(), NDArrayIndex.point(rs), all()).dup('c');
            pooledText = Relu.forward(poolText.forward(firstText));
        }
        if (rs > 0) {
            imageToken = seq3.get(all(), NDArrayIndex.point(0), all()).dup('c');
            pooledImage = Relu.forward(poolImage.forward(imageToken));
        }
        return new EncoderPass(batch, mask, tx, r, outs, cur, firstText, pooledText, imageToken, pooledImage);
    }

    /**
     * Back-propagates gradients of the outputs, adding every parameter gradient.
     *
     * @param dSequence    {@code [batch * seq, hidden]} or null
     * @param dPooledText  {@code [batch, hidden]} or null
     * @param dPooledImage {@code [batch, hidden]} or null
     */
    public void backward(EncoderPass pass, INDArray dSequence, INDArray dPooledText, INDArray dPooledImage) {
        EncoderBatch batch = pass.batch();
        int n = batch.batchSize();
        int s = batch.seqLength();
        int rs = batch.regionSlots();
        int t = batch.textLength();
        long h = config.hidden();
        INDArray dh;
        if (dSequence == null) {
            dh = Tensors.zeros(dtype, (long) n * s, h);
        } else {
            dh = dPooledText == null && dPooledImage == null ? dSequence : dSequence.dup('c');
        }
        INDArray dh3 = dh.reshape('c', n, s, h);
        if (dPooledText != null) {
            requirePresent(pass.pooledText(), "text");
            INDArray d = poolText.backward(pass.firstText(), Relu.backward(pass.pooledText(), dPooledText));
            dh3.get(all(), NDArrayIndex.point(rs), all()).addi(d);
        }
        if (dPooledImage != null) {
            requirePresent(pass.pooledImage(), "image");
            INDArray d = poolImage.backward(pass.imageToken(), Relu.backward(pass.pooledImage(), dPooledImage));
            dh3.get(all(), NDArrayIndex.point(0), all()).addi(d);
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            dh = layers.get(i).backward(pass.layers().get(i), dh);
        }
        if (rs == 0) {
            text.backward(pass.text(), dh);
        } else if (t == 0) {
            regions.backward(pass.regions(), dh);
        } else {
            INDArray d3 = dh.reshape('c', n, s, h);
            regions.backward(pass.regions(), d3.get(all(), NDArrayIndex.interval(0, rs), all()).dup('c').reshape('c', (long) n * rs, h));
            text.backward(pass.text(), d3.get(all(), NDArrayIndex.interval(rs, s), all()).dup('c').reshape('c', (long) n * t, h));
        }
    }

    private static void requirePresent(INDArray pooled, String what) {
        if (pooled == null) {
            throw new IllegalArgumentException("a gradient for the pooled " + what + " vector, but the batch has no " + what);
        }
    }

    private static INDArrayIndex all() {
        return NDArrayIndex.all();
    }
}
