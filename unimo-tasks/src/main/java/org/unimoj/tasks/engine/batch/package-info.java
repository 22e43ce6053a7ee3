/**
 * Batching for fine-tuning: {@link org.unimoj.tasks.engine.batch.TaskBatch} checks a task's
 * {@link org.unimoj.api.task.EncodedExample}s against its {@link org.unimoj.api.task.HeadSpec} and
 * pads their inputs (ranking groups flattened in order) onto the model's
 * {@link org.unimoj.model.encoder.EncoderBatch}; {@link org.unimoj.tasks.engine.batch.InputChecks}
 * holds the per-input checks the predictor shares.
 */
package org.unimoj.tasks.engine.batch;
