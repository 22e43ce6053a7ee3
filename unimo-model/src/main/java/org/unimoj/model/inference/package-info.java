/**
 * Forward-only use of a trained encoder: {@link org.unimoj.model.inference.EncoderSession} loads
 * the encoder of a checkpoint and turns API {@link org.unimoj.api.task.ModelInput}s into
 * {@link org.unimoj.model.inference.Encoding}s (pooled text, pooled image, per-position vectors);
 * {@link org.unimoj.model.inference.BottomUpTsvLine} reads one line of a bottom-up-attention
 * feature file.
 */
package org.unimoj.model.inference;
