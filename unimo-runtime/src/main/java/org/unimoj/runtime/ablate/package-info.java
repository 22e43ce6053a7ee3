/**
 * {@code unimo ablate}: a study of pre-training variants that differ only in where CMCL's positives
 * and negatives come from, each pre-trained with several seeds and then probed and fine-tuned on a
 * fixed set of downstream tasks, summarised in one table and chart.
 *
 * <ul>
 *   <li>{@link org.unimoj.runtime.ablate.AblationPlan}: the study as configured ({@code unimo.ablate}):
 *       variants, seeds, downstream tasks, output directory;</li>
 *   <li>{@link org.unimoj.runtime.ablate.StudyRunner}: prepares the shared inputs (world, each
 *       variant's offline augmentation, the probe's foils) and runs every cell (variant x seed) in
 *       order or in parallel child JVMs, skipping finished cells, so a study resumes where it stopped;</li>
 *   <li>{@link org.unimoj.runtime.ablate.CellRunner}: one cell, as independent runs of the runtime's
 *       commands ({@code pretrain}, {@code probe}, {@code finetune}), each step skipped when its
 *       output exists;</li>
 *   <li>{@link org.unimoj.runtime.ablate.AblationTable} and {@link org.unimoj.runtime.ablate.AblationChart}:
 *       mean and spread over seeds, paired differences with 95% confidence intervals, Markdown,
 *       CSV and PNG.</li>
 * </ul>
 */
package org.unimoj.runtime.ablate;
