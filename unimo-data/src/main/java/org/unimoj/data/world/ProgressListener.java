package org.unimoj.data.world;

/** Hears how far long work has come; called from one thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} items of {@code stage} are finished. */
    void progress(String stage, long done, long total);
}
