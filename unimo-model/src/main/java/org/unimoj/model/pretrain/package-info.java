/**
 * Pre-training: a {@link org.unimoj.model.pretrain.PretrainBatch} (encoder inputs plus the
 * targets of each selected objective) and {@link org.unimoj.model.pretrain.UnimoPretrainModel},
 * whose {@code forwardBackward} runs the encoder once, every selected head, and the backward pass,
 * and returns the loss of each objective. With {@link org.unimoj.model.optim.Optimizer} and
 * {@link org.unimoj.model.nn.StepRandom}, a step is a deterministic function of parameters,
 * optimizer state, batch and (seed, step).
 */
package org.unimoj.model.pretrain;
