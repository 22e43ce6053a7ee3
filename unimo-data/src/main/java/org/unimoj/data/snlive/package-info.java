/**
 * SNLI-VE, JSON lines as the real {@code snli_ve_{train,dev,test}.jsonl}: {@code Flickr30K_ID}
 * (the premise image), {@code sentence1} (its caption), {@code sentence2} (the hypothesis),
 * {@code gold_label}, {@code annotator_labels}, {@code pairID}, {@code captionID}.
 */
package org.unimoj.data.snlive;
