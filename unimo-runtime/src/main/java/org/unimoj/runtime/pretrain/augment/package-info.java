/**
 * What the augmenters of pre-training do to a record: the pairs' CMCL material
 * ({@link org.unimoj.runtime.pretrain.augment.PairAugmentation}: none, {@code OfflinePairs} from the
 * offline job's augment.jsonl, {@code OnTheFlyPairs} calling unimo-augment's rewriters and retrieval
 * per record), the single-modal streams' encoding, and how records become model input.
 */
package org.unimoj.runtime.pretrain.augment;
