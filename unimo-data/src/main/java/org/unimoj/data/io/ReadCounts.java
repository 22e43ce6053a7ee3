package org.unimoj.data.io;

import java.util.List;

/**
 * What a reader did: records read (in its shard), accepted and quarantined, and notes about
 * input it normalised (a byte-order mark, CRLF line ends), so that nothing happens silently.
 * {@code read == accepted + quarantined} always holds.
 */
public record ReadCounts(long read, long accepted, long quarantined, List<String> notes) {
    public ReadCounts {
        notes = List.copyOf(notes);
        if (read != accepted + quarantined) {
            throw new IllegalArgumentException("read " + read + " != accepted " + accepted + " + quarantined " + quarantined);
        }
    }

    @Override
    public String toString() {
        String s = "read " + read + ", accepted " + accepted + ", quarantined " + quarantined;
        return notes.isEmpty() ? s : s + " (" + String.join("; ", notes) + ")";
    }
}
