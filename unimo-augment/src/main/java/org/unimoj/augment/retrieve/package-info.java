/**
 * Retrieval for cross-modal contrastive learning: a Lucene text index ({@link org.unimoj.augment.retrieve.TextIndex},
 * classic TF-IDF for sentence-level hard negatives, BM25 for related texts) and an object-overlap index
 * of images ({@link org.unimoj.augment.retrieve.ObjectOverlapIndex}, over the objects a detector found:
 * {@link org.unimoj.augment.retrieve.DetectedObjects}) for related images.
 */
package org.unimoj.augment.retrieve;
