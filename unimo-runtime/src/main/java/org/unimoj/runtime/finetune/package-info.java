/**
 * Fine-tuning and scoring task plugins ({@code unimo finetune}, {@code unimo evaluate task}),
 * whatever the task: {@link org.unimoj.runtime.finetune.TaskOpener} opens a plugin's task with its
 * context (data, tokenizer, {@code unimo.task.<id>.*} settings, the model's sizes),
 * {@link org.unimoj.runtime.finetune.FinetuneSettings} reads {@code unimo.finetune} (a task may
 * suggest its own defaults), {@link org.unimoj.runtime.finetune.FinetuneJob} trains on the runtime's
 * training actors ({@code org.unimoj.runtime.train.actors}, as pre-training does) and scores the
 * result, {@link org.unimoj.runtime.finetune.TaskScoring} scores splits and baselines and prints and
 * stores the figures, {@link org.unimoj.runtime.finetune.RunFiles} is the run directory's layout.
 *
 * <p>How a task plugs into the actors: the training examples are the one stream
 * ({@code TaskExamples}: read once, reshuffled per epoch from (seed, epoch), resumable at any slot);
 * the batcher encodes each batch with the task ({@code TaskBatchAssembler}); the trainer runs
 * {@code TaskStep} (the task's hard-negative miner with the live model, then the task engine's
 * {@code FineTuner} update); snapshots ({@code TaskSnapshot}) are copied into shadow models so the
 * checkpointer writes task checkpoints and the evaluator scores the val split and, at the end,
 * each split of {@code unimo.finetune.evaluate} ({@code TaskEvaluations}) while training goes on.
 */
package org.unimoj.runtime.finetune;
