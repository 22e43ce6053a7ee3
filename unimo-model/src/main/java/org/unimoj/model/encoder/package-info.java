/**
 * The UNIMO encoder: configuration with presets ({@link org.unimoj.model.encoder.UnimoConfig}),
 * batches of model inputs in the unified layout {@code [IMG] r1..rn | w1..wm} with padding
 * ({@link org.unimoj.model.encoder.EncoderBatch}), the three attention patterns
 * ({@link org.unimoj.model.encoder.AttentionMasks}), the text and region embeddings and the
 * post-LayerNorm Transformer with its two poolers ({@link org.unimoj.model.encoder.UnimoEncoder}).
 *
 * <p>Task heads drive the encoder through {@link org.unimoj.model.encoder.UnimoEncoder#forward},
 * read {@link org.unimoj.model.encoder.EncoderPass#sequence()},
 * {@link org.unimoj.model.encoder.EncoderPass#pooledText()} and
 * {@link org.unimoj.model.encoder.EncoderPass#pooledImage()}, and inject the gradients of their
 * losses with {@link org.unimoj.model.encoder.UnimoEncoder#backward}.
 */
package org.unimoj.model.encoder;
