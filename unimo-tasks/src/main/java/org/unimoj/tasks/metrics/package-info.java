/**
 * Evaluation metrics that give the same numbers as the implementations the field reports with. Each
 * family is a sub-package; values come back as {@link org.unimoj.tasks.metrics.Scores} (named values)
 * or plain numbers. Entry points for task plugins:
 * <ul>
 *   <li>captions (COCO, pycocoevalcap): {@code CaptionMetrics.score(refs, cands)} in
 *       {@link org.unimoj.tasks.metrics.caption} (BLEU-1..4, METEOR, ROUGE-L, CIDEr-D; SPICE with
 *       {@code CaptionMetrics.withSpice(parser)}), each metric also alone ({@code Bleu},
 *       {@link org.unimoj.tasks.metrics.meteor.Meteor}, {@code RougeL}, {@code CiderD},
 *       {@link org.unimoj.tasks.metrics.spice.Spice});</li>
 *   <li>VQA accuracy (official vqaEval.py): {@code VqaAccuracy.evaluate(annotations, predictions)} in
 *       {@link org.unimoj.tasks.metrics.vqa};</li>
 *   <li>image-text retrieval R@1/5/10 both ways and ranks: {@code RetrievalMetrics.evaluate(scores, textImage)}
 *       in {@link org.unimoj.tasks.metrics.retrieval};</li>
 *   <li>GLUE accuracy, F1, Matthews, Pearson, Spearman: {@link org.unimoj.tasks.metrics.glue};</li>
 *   <li>summarization ROUGE-1/2/L (rouge-score, Porter stemmer): {@code new RougeScorer().corpus(targets, predictions)}
 *       in {@link org.unimoj.tasks.metrics.rouge}; question generation BLEU-4: {@code new Bleu().corpus(...)}
 *       on tokenized text;</li>
 *   <li>CoQA F1: {@link org.unimoj.tasks.metrics.qa.CoqaF1};</li>
 *   <li>reading COCO and VQA result files: {@link org.unimoj.tasks.metrics.io}.</li>
 * </ul>
 */
package org.unimoj.tasks.metrics;
