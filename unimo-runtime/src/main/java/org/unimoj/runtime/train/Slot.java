package org.unimoj.runtime.train;

import java.util.Objects;

/**
 * One position of a data stream: a record, or a gap where a record was quarantined (by the reader,
 * by a lookup, or by an augmenter that crashed on it). Positions are numbered from 0 across epochs,
 * so a stream's position is one number and a resumed run starts at the same slot.
 *
 * @param <R> the record type
 */
public sealed interface Slot<R> permits Slot.Filled, Slot.Empty {

    /** The slot's position in its stream (0-based, counting every epoch). */
    long index();

    /** A record at {@code index}. */
    record Filled<R>(long index, R value) implements Slot<R> {
        public Filled {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A quarantined record at {@code index}, and why. */
    record Empty<R>(long index, String reason) implements Slot<R> {
        public Empty {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The same slot at another position. */
    default Slot<R> at(long newIndex) {
        if (this instanceof Filled<R> f) {
            return new Filled<>(newIndex, f.value());
        }
        return new Empty<>(newIndex, ((Empty<R>) this).reason());
    }
}
