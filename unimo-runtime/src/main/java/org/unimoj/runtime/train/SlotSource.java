package org.unimoj.runtime.train;

/**
 * A resumable, endless stream of slots (epoch after epoch) whose order is a function of the seed
 * only: {@link #open open(k)} yields slot {@code k}, {@code k + 1}, ... exactly as a cursor opened at
 * 0 would after {@code k} slots. This is what lets a run stopped at any step continue with the same
 * data.
 *
 * @param <R> the record type
 */
public interface SlotSource<R> {

    /** The stream's name ("pairs", "texts", "images", "train", ...), unique within a run. */
    String name();

    /** Where the records come from, for messages and quarantine entries. */
    String description();

    /** Slots per epoch once a pass has reached the source's end, else -1 (sources that never know say -1). */
    default long epochLength() {
        return -1;
    }

    /** A cursor positioned at slot {@code from}. */
    Cursor<R> open(long from);

    /** Reads a source's slots in order; not thread-safe. */
    interface Cursor<R> extends AutoCloseable {
        /** The next slot; never null (sources are endless). */
        Slot<R> next();

        @Override
        void close();
    }
}
