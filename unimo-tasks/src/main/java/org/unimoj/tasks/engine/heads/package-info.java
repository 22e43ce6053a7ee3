/**
 * Task heads built from a {@link org.unimoj.api.task.HeadSpec}
 * ({@link org.unimoj.tasks.engine.heads.TaskHead#create}): {@link org.unimoj.tasks.engine.heads.ClassifyHead}
 * (softmax cross-entropy with label smoothing, or sigmoid BCE on soft labels),
 * {@link org.unimoj.tasks.engine.heads.RegressHead} (MSE), {@link org.unimoj.tasks.engine.heads.RankHead}
 * (softmax cross-entropy over a group's candidates) on pooled vectors
 * ({@link org.unimoj.tasks.engine.heads.PooledFeatures} -> dropout -> {@link org.unimoj.tasks.engine.heads.Mlp}),
 * and {@link org.unimoj.tasks.engine.heads.GenerateHead} (the tied LM head over target positions).
 * Each head returns its loss, its metric and the gradients of the encoder outputs it read
 * ({@link org.unimoj.tasks.engine.heads.HeadOutcome}); the encoder's backward pass takes them.
 */
package org.unimoj.tasks.engine.heads;
