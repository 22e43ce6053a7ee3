/**
 * UNIMO pre-training ({@code unimo pretrain}): the generic actor pipeline of
 * {@code org.unimoj.runtime.train.actors} (data flow, message protocol and flow control are
 * documented there) instantiated with three streams and UNIMO's joint batches.
 * <ul>
 *   <li>{@link org.unimoj.runtime.pretrain.PretrainJob} prepares a run (world, tokenizer, model,
 *       fresh or from a checkpoint), composes its Guice modules ({@code unimo.pretrain.modules}),
 *       starts the actors, stops them on SIGINT/SIGTERM with a checkpoint, writes the summary.</li>
 *   <li>Streams ({@code data}): image-text pairs, corpus sentences, image-only images, each read by a
 *       DataLoader; the pairs' augmenters ({@code augment}: none, offline from the augment job's
 *       file, or on the fly with the rewriters) add rewritten positives, hard negatives and related
 *       images and texts.</li>
 *   <li>The batcher mixes them ({@code batch}: CMCL groups, MLM 15% with 80/10/10, masked regions,
 *       seq2seq); the trainer runs the model's step on both cores ({@code step}); the evaluator runs
 *       zero-shot retrieval ({@code eval}).</li>
 * </ul>
 * Which augmentation, batching and evaluation a run uses is configuration: each is a binding of a
 * module named in {@code unimo.pretrain.modules} ({@link org.unimoj.runtime.pretrain.augment.PairAugmentation},
 * {@link org.unimoj.runtime.pretrain.PretrainBatching}, {@link org.unimoj.runtime.pretrain.PretrainEvaluations}).
 */
package org.unimoj.runtime.pretrain;
