package org.unimoj.tasks.engine;

/**
 * What one fine-tuning step (or one scored batch) gave.
 *
 * @param update       the update's number (1-based; for a scored batch, the updates so far)
 * @param loss         the head's loss, a mean over {@code targets}
 * @param metricName   the head's metric: {@code accuracy} (Classify on labels, Rank),
 *                     {@code soft_score} (Classify on soft labels), {@code mean_abs_error}
 *                     (Regress), {@code token_accuracy} (Generate)
 * @param metric       its value on the batch
 * @param examples     examples in the batch
 * @param targets      what the loss averages over: examples, or target tokens for generation
 * @param learningRate the rate the update used (0 when skipped or for a scored batch)
 * @param gradNorm     the global gradient norm before clipping (0 for a scored batch)
 * @param skipped      the gradients were not finite and nothing was updated
 */
public record StepResult(long update, double loss, String metricName, double metric, int examples, long targets,
                         double learningRate, double gradNorm, boolean skipped) {}
