/**
 * Pre-training: one call runs forward and backward for every objective a batch has targets for
 * and returns each objective's loss.
 *
 * <ul>
 *   <li>{@link org.unimoj.model.pretrain.PretrainBatch}: encoder inputs (any mix of image-text,
 *       image-only and text-only examples, each with its attention pattern) plus MLM, MRM,
 *       seq2seq targets ({@link org.unimoj.model.pretrain.TokenTargets},
 *       {@link org.unimoj.model.pretrain.RegionTargets}) and CMCL groups
 *       ({@link org.unimoj.model.loss.ContrastiveGroup} of pairs of examples).</li>
 *   <li>{@link org.unimoj.model.pretrain.UnimoPretrainModel}: the encoder, the LM, MRM and CMCL
 *       heads and one {@link org.unimoj.model.nn.ParameterStore}; {@code forwardBackward} on the
 *       calling thread.</li>
 *   <li>{@link org.unimoj.model.pretrain.DataParallelStep}: the same call split over one worker
 *       per core (the fast path on CPU), with {@code ranges()} for the optimizer.</li>
 *   <li>{@link org.unimoj.model.pretrain.PretrainBatches}: joins batches into one (the union of
 *       the batches of n cluster members, the single-process reference for multi-node training).</li>
 * </ul>
 *
 * <p>A training step, deterministic in (parameters, optimizer state, batch, seed, step):
 * <pre>{@code
 * EngineThreads.singleThreadedOps();
 * try (DataParallelStep parallel = new DataParallelStep(model, 2)) {
 *     ObjectiveLosses l = parallel.forwardBackward(batch, seed, step, optimizer.gradScale(1));
 *     optimizer.apply(1, parallel.ranges());
 *     model.afterUpdate();
 * }
 * }</pre>
 * Dropout draws from (seed, step) only, so a run resumed from a
 * {@link org.unimoj.model.checkpoint.Checkpoint} repeats its losses.
 */
package org.unimoj.model.pretrain;
