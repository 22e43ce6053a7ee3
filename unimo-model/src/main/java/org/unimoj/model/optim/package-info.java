/**
 * Optimisation: {@link org.unimoj.model.optim.AdamW} (decoupled weight decay, none on biases,
 * LayerNorm or the temperature; the Adam step is ND4J's {@code adam_updater} op, the math behind
 * {@code org.nd4j.linalg.learning.AdamUpdater}, over the flat parameter buffer), the linear warm-up
 * then linear decay schedule ({@link org.unimoj.model.optim.LearningRateSchedule}), global
 * gradient-norm clipping, gradient accumulation and loss scaling
 * ({@link org.unimoj.model.optim.LossScaler}), tied together by
 * {@link org.unimoj.model.optim.Optimizer}.
 *
 * <p>Gradient accumulation: for each of {@code k} micro-batches run the model's forward/backward
 * with {@code optimizer.gradScale(k)}, then {@code optimizer.apply(k)}. The whole-buffer work can
 * be split over threads with a {@link org.unimoj.model.optim.RangeExecutor}.
 */
package org.unimoj.model.optim;
