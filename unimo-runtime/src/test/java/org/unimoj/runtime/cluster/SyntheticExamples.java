package org.unimoj.runtime.cluster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.model.pretrain.Objective;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.RegionTargets;
import org.unimoj.model.pretrain.TokenTargets;

/**
 * Generated image-text examples for the replica's unit tests: {@code size} of them, example
 * {@code i} a function of (seed, i) only. Each has {@code textLength} tokens ([CLS] words [SEP]) with {@link #MASKED}
 * of them masked for MLM, and {@code regions} regions, one masked for region-feature regression.
 * Every example has the same shape, so a batch's padding does not depend on how it is split.
 */
public final class SyntheticExamples {

    static final int CLS = 0;
    static final int PAD = 1;
    static final int SEP = 2;
    static final int MASK = 3;
    static final int FIRST_WORD = 4;
    /** Masked tokens per example. */
    static final int MASKED = 2;

    private final UnimoConfig config;
    private final long seed;
    private final int size;
    private final int textLength;
    private final int regions;

    /** A model for these examples: {@code layers} x {@code hidden}, its vocabulary, region features and positions. */
    public static UnimoConfig model(int layers, int hidden, int vocab, int featureDim, int maxRegions, int textLength) {
        int heads = hidden % 2 == 0 ? 2 : 1;
        return new UnimoConfig("synthetic-" + layers + "x" + hidden, layers, hidden, heads, 4 * hidden, vocab,
                Math.max(textLength + 2, 16), featureDim, maxRegions, 4, 0.1, 0.1, 1e-5, 0.02, PAD, 0.07, false);
    }

    public SyntheticExamples(UnimoConfig config, long seed, int size, int textLength, int regions) {
        if (size < 1 || textLength < MASKED + 2 || regions < 1 || regions > config.maxRegions() || config.vocabSize() <= FIRST_WORD) {
            throw new IllegalArgumentException("synthetic examples: size " + size + ", text length " + textLength + ", regions " + regions
                    + " (max " + config.maxRegions() + "), vocabulary " + config.vocabSize());
        }
        this.config = config;
        this.seed = seed;
        this.size = size;
        this.textLength = textLength;
        this.regions = regions;
    }

    public int size() {
        return size;
    }

    /** Each objective's target count in a batch of {@code count} examples (the same for any examples). */
    public Map<Objective, Double> weights(int count) {
        Map<Objective, Double> w = new EnumMap<>(Objective.class);
        w.put(Objective.MLM, (double) MASKED * count);
        w.put(Objective.MRM_FEATURE, (double) count);
        return w;
    }

    /** The batch of examples {@code ids}, in that order. */
    public PretrainBatch batch(long[] ids) {
        int n = ids.length;
        List<ModelInput> inputs = new ArrayList<>(n);
        int[] ex = new int[n * MASKED];
        int[] pos = new int[n * MASKED];
        int[] lab = new int[n * MASKED];
        int[] rex = new int[n];
        int[] reg = new int[n];
        int d = config.featureDim();
        float[] targets = new float[n * d];
        int words = config.vocabSize() - FIRST_WORD;
        for (int b = 0; b < n; b++) {
            if (ids[b] < 0 || ids[b] >= size) {
                throw new IllegalArgumentException("example " + ids[b] + " outside [0, " + size + ")");
            }
            SplittableRandom rnd = new SplittableRandom(SeedMixer.mix(seed, ids[b]));
            int[] tokens = new int[textLength];
            tokens[0] = CLS;
            tokens[textLength - 1] = SEP;
            for (int t = 1; t < textLength - 1; t++) {
                tokens[t] = FIRST_WORD + rnd.nextInt(words);
            }
            int first = 1 + rnd.nextInt(textLength - 2 - MASKED + 1);
            for (int k = 0; k < MASKED; k++) {
                int p = first + k;
                ex[b * MASKED + k] = b;
                pos[b * MASKED + k] = p;
                lab[b * MASKED + k] = tokens[p];
                tokens[p] = MASK;
            }
            float[] feats = new float[regions * d];
            float[] boxes = new float[regions * 4];
            for (int r = 0; r < regions; r++) {
                for (int j = 0; j < d; j++) {
                    feats[r * d + j] = (float) rnd.nextGaussian();
                }
                boxes[4 * r] = r;
                boxes[4 * r + 1] = r;
                boxes[4 * r + 2] = r + 4;
                boxes[4 * r + 3] = r + 3;
            }
            int masked = rnd.nextInt(regions);
            System.arraycopy(feats, masked * d, targets, b * d, d);
            java.util.Arrays.fill(feats, masked * d, (masked + 1) * d, 0f);
            rex[b] = b;
            reg[b] = masked;
            inputs.add(ModelInput.imageText(RegionFeatures.of("img" + ids[b], 16, 16, d, boxes, feats), tokens));
        }
        return new PretrainBatch(EncoderBatch.of(inputs, config), new TokenTargets(ex, pos, lab, 0.0),
                new RegionTargets(rex, reg, Nd4j.create(targets, new long[] {n, d}, 'c').castTo(DataType.FLOAT), null), null, null);
    }
}
