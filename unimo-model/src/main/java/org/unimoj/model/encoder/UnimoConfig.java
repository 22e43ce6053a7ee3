package org.unimoj.model.encoder;

import java.util.List;
import java.util.Locale;

/**
 * The sizes of a UNIMO model.
 *
 * @param name              preset name, or a free label
 * @param layers            Transformer layers
 * @param hidden            hidden size H
 * @param heads             attention heads (H must be a multiple)
 * @param intermediate      FFN size (4H in every preset)
 * @param vocabSize         word-embedding rows
 * @param maxPositions      position-embedding rows; text positions start at 2 (RoBERTa), so at most
 *                          {@code maxPositions - 2} text tokens
 * @param featureDim        region feature length (2048 for bottom-up-attention features)
 * @param maxRegions        regions per image at most (without the [IMG] region)
 * @param regionClasses     detector classes for MRM class prediction (0 = no class head)
 * @param dropout           hidden dropout
 * @param attentionDropout  dropout on attention probabilities
 * @param layerNormEps      LayerNorm epsilon
 * @param initStd           standard deviation of the normal initialisation of weights
 * @param padTokenId        the id used to pad text (its rows are masked out)
 * @param initTemperature   CMCL temperature at start (0.07)
 * @param learnTemperature  whether CMCL's temperature is a trained parameter
 */
public record UnimoConfig(String name, int layers, int hidden, int heads, int intermediate, int vocabSize,
                          int maxPositions, int featureDim, int maxRegions, int regionClasses, double dropout,
                          double attentionDropout, double layerNormEps, double initStd, int padTokenId,
                          double initTemperature, boolean learnTemperature) {

    /** RoBERTa's vocabulary size (byte-level BPE, 50265 ids). */
    public static final int ROBERTA_VOCAB = 50265;
    /** RoBERTa's position-embedding rows (512 tokens + 2). */
    public static final int ROBERTA_POSITIONS = 514;
    /** Visual Genome detector classes plus background. */
    public static final int VG_CLASSES = 1601;
    /** CMCL's temperature is clipped to [TEMPERATURE_MIN, TEMPERATURE_MAX] after every update. */
    public static final double TEMPERATURE_MIN = 0.001;
    public static final double TEMPERATURE_MAX = 0.5;

    public UnimoConfig {
        if (layers < 1 || hidden < 1 || heads < 1 || intermediate < 1 || vocabSize < 1 || maxPositions < 3
                || featureDim < 1 || maxRegions < 0 || regionClasses < 0) {
            throw new IllegalArgumentException("config " + name + ": sizes must be positive");
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("config " + name + ": hidden " + hidden + " is not a multiple of heads " + heads);
        }
        if (dropout < 0 || dropout >= 1 || attentionDropout < 0 || attentionDropout >= 1) {
            throw new IllegalArgumentException("config " + name + ": dropout must be in [0, 1)");
        }
        if (padTokenId < 0 || padTokenId >= vocabSize) {
            throw new IllegalArgumentException("config " + name + ": pad id " + padTokenId + " outside the vocabulary");
        }
        if (!(initTemperature >= TEMPERATURE_MIN && initTemperature <= TEMPERATURE_MAX)) {
            throw new IllegalArgumentException("config " + name + ": temperature " + initTemperature + " outside ["
                    + TEMPERATURE_MIN + ", " + TEMPERATURE_MAX + "]");
        }
    }

    /** UNIMO-base: 12 layers, hidden 768, 12 heads, 36 regions (RoBERTa-base sizes). */
    public static UnimoConfig base() {
        return new UnimoConfig("base", 12, 768, 12, 3072, ROBERTA_VOCAB, ROBERTA_POSITIONS, 2048, 36, VG_CLASSES,
                0.1, 0.1, 1e-5, 0.02, 1, 0.07, true);
    }

    /** UNIMO-large: 24 layers, hidden 1024, 16 heads, 100 regions. */
    public static UnimoConfig large() {
        return new UnimoConfig("large", 24, 1024, 16, 4096, ROBERTA_VOCAB, ROBERTA_POSITIONS, 2048, 100, VG_CLASSES,
                0.1, 0.1, 1e-5, 0.02, 1, 0.07, true);
    }

    /** For pre-training on a 2-core machine in minutes: 4 layers, hidden 256, 4 heads, 130 positions. */
    public static UnimoConfig small() {
        return new UnimoConfig("small", 4, 256, 4, 1024, ROBERTA_VOCAB, 130, 2048, 36, VG_CLASSES,
                0.1, 0.1, 1e-5, 0.02, 1, 0.07, true);
    }

    /** For smoke runs and tests: 2 layers, hidden 128, 2 heads, 66 positions. */
    public static UnimoConfig tiny() {
        return new UnimoConfig("tiny", 2, 128, 2, 512, ROBERTA_VOCAB, 66, 2048, 36, VG_CLASSES,
                0.1, 0.1, 1e-5, 0.02, 1, 0.07, true);
    }

    /** The preset names {@link #preset} knows. */
    public static List<String> presetNames() {
        return List.of("base", "large", "small", "tiny");
    }

    /** A preset by name ({@code base}, {@code large}, {@code small}, {@code tiny}). */
    public static UnimoConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "base" -> base();
            case "large" -> large();
            case "small" -> small();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException("unknown model preset '" + name + "' (known: " + presetNames() + ")");
        };
    }

    /** Most text tokens one input may have. */
    public int maxTextLength() {
        return maxPositions - 2;
    }

    public int headDim() {
        return hidden / heads;
    }

    public UnimoConfig withVocabSize(int v) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, v, maxPositions, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, padTokenId, initTemperature, learnTemperature);
    }

    public UnimoConfig withMaxPositions(int p) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, p, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, padTokenId, initTemperature, learnTemperature);
    }

    public UnimoConfig withRegions(int featureDim, int maxRegions, int regionClasses) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, maxPositions, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, padTokenId, initTemperature, learnTemperature);
    }

    public UnimoConfig withDropout(double hiddenDropout, double attentionDrop) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, maxPositions, featureDim, maxRegions,
                regionClasses, hiddenDropout, attentionDrop, layerNormEps, initStd, padTokenId, initTemperature, learnTemperature);
    }

    public UnimoConfig withPadTokenId(int id) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, maxPositions, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, id, initTemperature, learnTemperature);
    }

    public UnimoConfig withTemperature(double initial, boolean learned) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, maxPositions, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, padTokenId, initial, learned);
    }

    public UnimoConfig withSizes(int layers, int hidden, int heads, int intermediate) {
        return new UnimoConfig(name, layers, hidden, heads, intermediate, vocabSize, maxPositions, featureDim, maxRegions,
                regionClasses, dropout, attentionDropout, layerNormEps, initStd, padTokenId, initTemperature, learnTemperature);
    }
}
