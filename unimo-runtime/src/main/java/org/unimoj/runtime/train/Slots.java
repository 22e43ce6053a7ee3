package org.unimoj.runtime.train;

import java.util.List;
import java.util.Objects;

/**
 * A chunk of consecutive slots of one stream, in order: what a data loader or an augmenter pool
 * sends downstream in answer to a pull.
 *
 * @param stream the stream's name
 * @param slots  the slots, indexes ascending and consecutive
 */
public record Slots<R>(String stream, List<Slot<R>> slots) {
    public Slots {
        Objects.requireNonNull(stream, "stream");
        slots = List.copyOf(slots);
    }
}
