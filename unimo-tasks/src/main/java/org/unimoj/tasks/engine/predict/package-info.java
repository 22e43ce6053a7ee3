/**
 * The API's {@link org.unimoj.api.task.Predictor} over a fine-tuned model
 * ({@link org.unimoj.tasks.engine.predict.TaskPredictor}): batched forward-only prediction,
 * generation with the model's beam search, and L2-normalised pooled embeddings for first-stage
 * retrieval.
 */
package org.unimoj.tasks.engine.predict;
