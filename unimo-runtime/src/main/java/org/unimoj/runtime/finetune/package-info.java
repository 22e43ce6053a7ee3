/**
 * Fine-tuning and scoring task plugins ({@code unimo finetune}, {@code unimo evaluate task}),
 * whatever the task: {@link org.unimoj.runtime.finetune.TaskOpener} opens a plugin's task with its
 * context (data, tokenizer, {@code unimo.task.<id>.*} settings, the model's sizes),
 * {@link org.unimoj.runtime.finetune.FinetuneSettings} reads {@code unimo.finetune} (a task may
 * suggest its own defaults), {@link org.unimoj.runtime.finetune.FinetuneJob} trains through the task
 * engine ({@code org.unimoj.tasks.engine}) and scores the result,
 * {@link org.unimoj.runtime.finetune.TaskScoring} scores splits and baselines and prints and stores
 * the figures, {@link org.unimoj.runtime.finetune.RunFiles} is the run directory's layout.
 */
package org.unimoj.runtime.finetune;
