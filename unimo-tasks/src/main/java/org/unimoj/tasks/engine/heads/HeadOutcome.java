package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a head did on one batch.
 *
 * @param loss          the head's loss, a mean over {@code count}
 * @param count         what the mean is over: examples, or target tokens for generation
 * @param metricSum     the head's metric summed over {@code count} (correct answers, soft scores,
 *                      absolute errors); divide by {@code count} for the batch's value
 * @param dSequence     the gradient of the encoder's per-position outputs, or null
 * @param dPooledText   the gradient of the pooled text vectors, or null
 * @param dPooledImage  the gradient of the pooled image vectors, or null
 */
public record HeadOutcome(double loss, long count, double metricSum, INDArray dSequence, INDArray dPooledText,
                          INDArray dPooledImage) {

    /** The outcome without gradients. */
    public HeadOutcome withoutGradients() {
        return new HeadOutcome(loss, count, metricSum, null, null, null);
    }

    /** Whether any encoder output received a gradient. */
    public boolean hasGradients() {
        return dSequence != null || dPooledText != null || dPooledImage != null;
    }
}
