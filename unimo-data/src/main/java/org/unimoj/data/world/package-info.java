/**
 * The embedded visual world: a generator that, from a seed, writes a small but honest vision and
 * language data set in the real formats, so that the whole system runs with nothing but the
 * repository and the same readers serve real data.
 *
 * <p>{@link org.unimoj.data.world.WorldGenerator} writes, under one directory
 * ({@link org.unimoj.data.world.WorldLayout}; formats in {@code unimo-data/WORLD.md}):
 * <pre>
 *   world.json                                  manifest: seed, options, counts
 *   vocabulary.json                             classes, nouns, adjectives, predicates and their wordings
 *   splits/{train,val,test,image_only}.txt      image ids, one a line; no image in two splits
 *   features/{train,val,test,image_only}.tsv    bottom-up-attention TSV + cls_prob (65 detector classes)
 *   scenes/{train,val,test,image_only}.jsonl    full scene graph of each image (objects, attributes, boxes, all relations, regions)
 *   scenes/captions_{train,val,test}.jsonl      each caption's tokens and ground-truth graph with spans
 *   captions/dataset_world.json                 Karpathy-style captions (5 an image)
 *   captions/captions_{train,val,test}.json     COCO captions
 *   corpus/text.txt                             text-only corpus, one sentence a line
 *   vqa/v2_OpenEnded_world_{split}_questions.json, vqa/v2_world_{split}_annotations.json   VQA v2
 *   snli_ve/snli_ve_{train,dev,test}.jsonl, snli_ve/hypothesis_graphs_{train,dev,test}.jsonl   SNLI-VE
 *   glue/plausibility/{train,dev,test}.tsv      SST-2 layout: sentence \t label
 *   summarization/{train,dev,test}.tsv          src \t tgt
 * </pre>
 * Sub-packages: {@link org.unimoj.data.world.sampling} (scenes), {@link org.unimoj.data.world.detector}
 * (region features), {@link org.unimoj.data.world.language} (captions and their graphs),
 * {@link org.unimoj.data.world.derived} (VQA, SNLI-VE, text tasks).
 */
package org.unimoj.data.world;
