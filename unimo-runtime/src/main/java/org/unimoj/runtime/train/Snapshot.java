package org.unimoj.runtime.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * The state of a training run between two steps, detached from the live model: what the checkpointer
 * writes and what an evaluation scores.
 */
public interface Snapshot {

    /** The step after which it was taken. */
    long step();

    /**
     * Writes the model (and optimizer) files of a checkpoint into the empty directory {@code dir};
     * the checkpointer adds the run state and renames the directory into place when this returns.
     *
     * @param metadata the run state as strings, for files that carry metadata (step, seed, position)
     */
    void writeCheckpoint(Path dir, Map<String, String> metadata);
}
