package org.unimoj.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each stream of a run stands: the index of the next slot it will read. A checkpoint stores
 * the position after its step's batch; a resumed run opens every stream there.
 *
 * @param next stream name to its next slot
 */
public record DataPosition(Map<String, Long> next) {

    public DataPosition {
        Objects.requireNonNull(next, "next");
        next = Map.copyOf(next);
        for (Map.Entry<String, Long> e : next.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("stream " + e.getKey() + ": position " + e.getValue() + " < 0");
            }
        }
    }

    /** Every stream at slot 0. */
    public static DataPosition start() {
        return new DataPosition(Map.of());
    }

    /** The next slot of {@code stream} (0 when the position does not name it). */
    public long of(String stream) {
        return next.getOrDefault(stream, 0L);
    }

    public DataPosition with(String stream, long slot) {
        Map<String, Long> m = new LinkedHashMap<>(next);
        m.put(stream, slot);
        return new DataPosition(m);
    }
}
