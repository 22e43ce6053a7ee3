/**
 * The offline augmentation job ({@link org.unimoj.augment.job.AugmentJob}, run by {@code unimo augment}):
 * for every image-text pair its positives, hard negatives, related images and related texts, as JSON
 * lines read back with {@link org.unimoj.augment.job.AugmentedPairReader}.
 *
 * <p>{@code augment.jsonl}, one pair a line, in the order of the input captions:
 * <pre>{@code
 * {"caption_id": "10", "image_id": "1", "text": "A cat which is striped.",
 *  "positives": [{"text": "A cat.", "rewriter": "drop-attribute", "granularity": "word", "polarity": "positive", "detail": "drop 'striped'"}],
 *  "negatives": [{"text": "A dog which is striped.", "rewriter": "object-swap", "granularity": "word", "polarity": "negative", "detail": "cat -> dog"}],
 *  "related_images": [{"image_id": "2043", "overlap": 0.5}],
 *  "related_texts": [{"id": "text.txt:17", "text": "A striped cat sits on a bench.", "score": 7.1234}]}
 * }</pre>
 * Every list may be empty. {@code granularity} is "sentence", "phrase" or "word"; {@code polarity} is
 * "positive" in {@code positives} and "negative" in {@code negatives}; {@code overlap} is the Jaccard
 * overlap of detected object classes (0..1); {@code score} the BM25 score; numbers have four decimals.
 * {@code summary.json} beside it holds the counts per rewriter, the inputs, the sources that were off and
 * the time of each stage. See {@code unimo-augment/AUGMENT.md}.
 */
package org.unimoj.augment.job;
