/**
 * VQA accuracy as the official VQA evaluation computes it. Entry points:
 * {@link org.unimoj.tasks.metrics.vqa.VqaAccuracy#evaluate} over annotations and predictions,
 * {@link org.unimoj.tasks.metrics.vqa.VqaAccuracy#questionAccuracy} for one answer, and
 * {@link org.unimoj.tasks.metrics.vqa.VqaAnswerNormalizer} for the answer normalisation.
 */
package org.unimoj.tasks.metrics.vqa;
