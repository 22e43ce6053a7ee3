/**
 * What a training run is made of, apart from its actors ({@code actors}) and its reporting
 * ({@code report}): {@link org.unimoj.runtime.train.SlotSource}s (deterministic, block-shuffled,
 * resumable streams of slots), {@link org.unimoj.runtime.train.SlotTransform}s (what augmenters do to
 * a record), {@link org.unimoj.runtime.train.BatchAssembler}s (how streams mix into a batch),
 * {@link org.unimoj.runtime.train.TrainingStep} and {@link org.unimoj.runtime.train.Evaluation}, and
 * the {@link org.unimoj.runtime.train.RunState} a checkpoint keeps (step, data position, random
 * generators) so that a resumed run repeats an unbroken one.
 */
package org.unimoj.runtime.train;
