package org.unimoj.runtime.train;

/**
 * One pass over a data source in file order: every raw record becomes a slot, the ones a reader
 * rejected included (as {@link Slot.Empty}), so positions stay stable whatever the read policy
 * does. Indexes are positions within the epoch.
 *
 * @param <R> the record type
 */
public interface EpochStream<R> extends AutoCloseable {

    /** The next slot of this epoch, or {@code null} at its end. */
    Slot<R> next();

    @Override
    void close();
}
