package org.unimoj.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.AttentionMasks;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.TextEmbedding;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.nn.Tensors;
import org.unimoj.model.nn.TransformerLayer;
import org.unimoj.model.nn.Workspaces;

/**
 * Decoding with a key/value cache: the source is encoded once (its positions only see the source
 * under both generation masks, so their states never change); every layer keeps the keys and
 * values of the source and of the tokens generated so far, and a step runs one token per row
 * through the layers. Cost per step: one token's layers plus attention over the cache.
 */
@SuppressWarnings("try")
public final class CachedDecoder implements StepDecoder {

    private final UnimoEncoder encoder;
    private final LmHead lm;
    private final List<INDArray> keys = new ArrayList<>();
    private final List<INDArray> values = new ArrayList<>();
    private INDArray keyMask;
    private int[] sourceLengths;
    private int sourceWidth;
    private int steps;

    public CachedDecoder(UnimoEncoder encoder, LmHead lm) {
        this.encoder = encoder;
        this.lm = lm;
    }

    @Override
    public INDArray start(List<ModelInput> inputs, int copies, int maxNewTokens) {
        List<ModelInput> sources = SourceBatch.sources(inputs, encoder.config(), maxNewTokens);
        EncoderBatch batch = EncoderBatch.of(sources, encoder.config());
        EncoderPass pass = encoder.forward(batch, null);
        int n = sources.size();
        int rows = n * copies;
        sourceWidth = batch.seqLength();
        int capacity = sourceWidth + maxNewTokens;
        int[] repeat = new int[rows];
        sourceLengths = new int[rows];
        for (int r = 0; r < rows; r++) {
            repeat[r] = r / copies;
            sourceLengths[r] = batch.sourceLength(r / copies);
        }
        INDArray repeatIdx = Nd4j.createFromArray(repeat);
        DataType dt = pass.sequence().dataType();
        keys.clear();
        values.clear();
        int heads = encoder.config().heads();
        int headDim = encoder.config().headDim();
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            for (TransformerLayer.Out o : pass.layers()) {
                INDArray k = Nd4j.zeros(dt, heads, rows, capacity, headDim);
                INDArray v = Nd4j.zeros(dt, heads, rows, capacity, headDim);
                k.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, sourceWidth), NDArrayIndex.all())
                        .assign(Nd4j.exec(new Gather(o.attention().keys(), repeatIdx, 1))[0]);
                v.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, sourceWidth), NDArrayIndex.all())
                        .assign(Nd4j.exec(new Gather(o.attention().values(), repeatIdx, 1))[0]);
                keys.add(k);
                values.add(v);
            }
            float[] mask = new float[rows * capacity];
            Arrays.fill(mask, AttentionMasks.BLOCKED);
            int rs = batch.regionSlots();
            for (int r = 0; r < rows; r++) {
                int b = r / copies;
                int validRegions = batch.regionCount(b) == EncoderBatch.NO_IMAGE ? 0 : batch.regionCount(b) + 1;
                Arrays.fill(mask, r * capacity, r * capacity + validRegions, 0f);
                Arrays.fill(mask, r * capacity + rs, r * capacity + rs + batch.sourceLength(b), 0f);
            }
            keyMask = Nd4j.createFromArray(mask).reshape('c', rows, capacity).castTo(dt);
        }
        steps = 0;
        long[] last = new long[rows];
        for (int r = 0; r < rows; r++) {
            last[r] = batch.textRow(r / copies, sourceLengths[r] - 1);
        }
        return logProbabilities(Tensors.gatherRows(pass.sequence(), last));
    }

    @Override
    public INDArray step(int[] tokens) {
        int rows = sourceLengths.length;
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for " + rows + " rows");
        }
        long position = sourceWidth + steps;
        keyMask.get(NDArrayIndex.all(), NDArrayIndex.point(position)).assign(0);
        long[] positionIds = new long[rows];
        for (int r = 0; r < rows; r++) {
            positionIds[r] = TextEmbedding.FIRST_POSITION + sourceLengths[r] + steps;
        }
        TextEmbedding te = encoder.textEmbedding();
        INDArray x = Tensors.gatherRows(te.words().table().value(), toLong(tokens))
                .addi(Tensors.gatherRows(te.positions().table().value(), positionIds));
        x = te.norm().forward(x).y();
        List<TransformerLayer> layers = encoder.layers();
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).step(x, keys.get(i), values.get(i), position, keyMask);
        }
        steps++;
        return logProbabilities(x);
    }

    @Override
    public void reorder(int[] origins) {
        INDArray idx = Nd4j.createFromArray(origins);
        for (int i = 0; i < keys.size(); i++) {
            keys.get(i).assign(Nd4j.exec(new Gather(keys.get(i), idx, 1))[0]);
            values.get(i).assign(Nd4j.exec(new Gather(values.get(i), idx, 1))[0]);
        }
        keyMask.assign(Nd4j.exec(new Gather(keyMask, idx, 0))[0]);
        int[] src = new int[origins.length];
        for (int r = 0; r < origins.length; r++) {
            src[r] = sourceLengths[origins[r]];
        }
        sourceLengths = src;
    }

    private INDArray logProbabilities(INDArray hidden) {
        INDArray logits = lm.forward(hidden).logits();
        return Nd4j.exec(new LogSoftMax(logits, logits))[0];
    }

    private static long[] toLong(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
