package org.unimoj.api.task;

import java.util.List;

/**
 * Optional for a {@link Task} with a {@link HeadSpec.Rank} head: finishes each training batch
 * with the model as it stands, e.g. by adding the hardest in-batch negatives to every group. The
 * runtime calls it on the trainer's thread between two updates, with a {@link Predictor} over the
 * live model (no dropout), and trains on what it returns. The predictor must not be kept.
 */
public interface HardNegativeMiner {

    /**
     * The batch to train on, made from the encoded {@code batch}; usually the same groups with more
     * negatives. Must be deterministic given the batch and the predictor's outputs.
     */
    List<EncodedExample> mine(List<EncodedExample> batch, Predictor current);
}
