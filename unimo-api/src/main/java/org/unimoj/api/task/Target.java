package org.unimoj.api.task;

/** What the head learns from one encoded example. */
public sealed interface Target {

    /** A single class, for softmax cross-entropy. */
    record ClassLabel(int label) implements Target {}

    /** A score in [0, 1] per class (VQA's soft answer scores), for binary cross-entropy. */
    record SoftLabels(float[] scores) implements Target {}

    /** A real value (STS-B similarity), for mean squared error. */
    record Value(float value) implements Target {}

    /** The input at {@code positive} is the match among the example's inputs (ranking loss). */
    record Ranking(int positive) implements Target {}

    /** The target token ids of a generation task; the model input carries them after the source. */
    record Tokens(int[] ids) implements Target {}
}
