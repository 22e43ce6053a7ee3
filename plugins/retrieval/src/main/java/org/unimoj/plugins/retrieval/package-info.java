/**
 * The image-text retrieval task plugin (flickr-retrieval, id {@code retrieval}). Training: each
 * caption with its image is a ranking group, the positive first, then negatives: captions of other
 * training images ({@code text-negatives}), other training images ({@code image-negatives}), the
 * caption's rewritten hard negatives from the augment job's file ({@code rewritten-negatives}, 0 by
 * default; {@code rewrites-file}, default {@code augmented/augment.jsonl} under {@code --data}), and,
 * mined on the trainer with the live model ({@code HardNegativeMiner}), the hardest in-batch caption
 * and image by CMCL similarity ({@code in-batch-negatives}); score = Linear(pooled text * pooled
 * image), softmax cross-entropy over the group. Evaluation on a split's images and all their
 * captions ({@link org.unimoj.plugins.retrieval.CollectionRanking}): {@code mode = two-stage} (the
 * default: rank by CMCL embeddings, re-score each query's {@code top-k} with the joint encoder),
 * {@code joint} (every pair through the joint encoder, the paper's method) or {@code both} (both,
 * with their times); {@code eval-images = N} ranks only a split's first N images (full joint
 * scoring grows with images x captions: 5 million pairs for 1,000 images x 5 captions). Metrics: R_mean, IR@1/5/10 (caption queries), TR@1/5/10 (image queries),
 * median ranks. Files (task settings, relative to {@code --data}): {@code captions} (Karpathy JSON;
 * world default {@code captions/dataset_world.json}; Flickr30k: {@code dataset_flickr30k.json})
 * and {@code features} ({@code features/{split}.tsv}; Flickr30k: one file for all splits).
 * Baseline: chance (every pair scored at random).
 */
package org.unimoj.plugins.retrieval;
