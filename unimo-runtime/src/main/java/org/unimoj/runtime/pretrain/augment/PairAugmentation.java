package org.unimoj.runtime.pretrain.augment;

import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/**
 * How the augmenters of the pairs stream turn a pair into CMCL material (rewritten positives, hard
 * negatives, related images and texts). Bound by the pipeline's augmentation module; swapping the
 * module (or its rewriter list) changes the augmentation without touching the actors.
 */
public interface PairAugmentation {

    /** A short name for the run summary ("none", "on-the-fly: object-swap, paraphrase", "offline: DIR"). */
    String describe();

    /** A new transform for one augmenter (called again when a supervisor restarts it). */
    SlotTransform<PairRecord, PretrainExample> newTransform(Encoders encoders);
}
