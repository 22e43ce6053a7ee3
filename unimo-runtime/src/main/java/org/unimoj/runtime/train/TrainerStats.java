package org.unimoj.runtime.train;

import java.util.Map;

/**
 * What the trainer did in one launch.
 *
 * @param firstStep        the first step of this launch
 * @param lastStep         the last step finished (firstStep - 1 when none)
 * @param examples         examples trained on
 * @param trainSeconds     time in training steps
 * @param waitSeconds      time waiting for batches, the first one included
 * @param firstWaitSeconds time waiting for the first batch (the pipeline filling up)
 * @param streams          per stream: slots covered by the trained batches, records trained on and gaps
 */
public record TrainerStats(long firstStep, long lastStep, long examples, double trainSeconds, double waitSeconds, double firstWaitSeconds,
                          Map<String, BatchReady.StreamUse> streams) {

    public TrainerStats {
        streams = Map.copyOf(streams);
    }

    public long steps() {
        return lastStep - firstStep + 1;
    }
}
