/**
 * Optimisation: {@link org.unimoj.model.optim.AdamW} (decoupled weight decay, none on biases and
 * LayerNorm, ND4J's {@code adam_updater} op over the flat parameter buffer), the linear warm-up
 * then linear decay schedule, global gradient-norm clipping, gradient accumulation and loss
 * scaling, tied together by {@link org.unimoj.model.optim.Optimizer}.
 *
 * <p>A training step: {@code model.forwardBackward(batch, random, optimizer.gradScale(k))} for each
 * of {@code k} micro-batches, then {@code optimizer.apply(k)}, then the model's post-update hook.
 */
package org.unimoj.model.optim;
