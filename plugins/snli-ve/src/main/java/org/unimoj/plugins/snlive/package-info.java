/**
 * The SNLI-VE task plugin (id {@code snli-ve}): does the premise image entail the hypothesis?
 * Input {@code [IMG] regions [CLS] hypothesis [SEP]}; head: pooled text and pooled image
 * concatenated -> MLP -> entailment / neutral / contradiction, softmax cross-entropy. Metrics:
 * accuracy, then the accuracy on each gold label. Files (task settings, relative to {@code --data}):
 * {@code data} (SNLI-VE jsonl; world default {@code snli_ve/snli_ve_{train,dev,test}.jsonl}) and
 * {@code features} (bottom-up-attention TSV; world default {@code features/{split}.tsv}; for real
 * SNLI-VE the one Flickr30k file). Baseline: the majority label of the training set.
 */
package org.unimoj.plugins.snlive;
