/**
 * The image captioning task plugin (id {@code coco-caption}). Input: the image's regions and
 * {@code [CLS]} as source under the captioning mask (regions see regions; caption tokens see every
 * region and the earlier caption tokens); target: the caption's ids and {@code [SEP]}; loss:
 * cross-entropy with label smoothing (setting {@code label-smoothing}, 0.1) through the tied LM head;
 * decoding: beam search (settings {@code beam-size} 5, {@code length-penalty} 0.6,
 * {@code min-length}, {@code max-length}). Metrics on a split's images against all their captions:
 * CIDEr-D, BLEU-4, METEOR, ROUGE-L, SPICE (and BLEU-1..3), as the COCO caption evaluation; results:
 * the COCO {@code [{"image_id", "caption"}]} JSON. Files (task settings, relative to {@code --data}):
 * {@code captions} (Karpathy JSON, all splits; world default {@code captions/dataset_world.json})
 * and {@code features} ({@code features/{split}.tsv}). Baseline: the first caption of the training
 * image nearest by region features (cosine of the mean region feature).
 */
package org.unimoj.plugins.cococaption;
