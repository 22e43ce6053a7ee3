/**
 * The VQA v2 task plugin (id {@code vqa}). Input {@code [IMG] regions [CLS] question [SEP]}; head:
 * pooled text times pooled image -> MLP -> one logit per answer of the answer vocabulary
 * ({@link org.unimoj.plugins.vqa.AnswerVocabulary}: the top-N normalised training answers by
 * frequency, N = setting {@code answers}, 3129 as for VQA v2); the target of each answer is the VQA
 * accuracy it would earn (min(#humans/3, 1) averaged over the annotator subsets), learned with
 * binary cross-entropy. Metrics: VQA accuracy overall, per answer type and per question type
 * (official normalisation); results: the official {@code [{"question_id", "answer"}]} JSON.
 * Files (task settings, relative to {@code --data}): {@code questions}, {@code annotations} (VQA v2
 * JSON; world defaults {@code vqa/v2_OpenEnded_world_{split}_questions.json},
 * {@code vqa/v2_world_{split}_annotations.json}), {@code features} ({@code features/{split}.tsv}).
 * Baseline: the most frequent training answer of the question's type.
 */
package org.unimoj.plugins.vqa;
