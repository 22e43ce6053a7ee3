package org.unimoj.data.io;

/**
 * Shard {@code index} of {@code count}: the records whose 0-based position in the file modulo
 * {@code count} is {@code index}. Every shard scans the whole file (cheaply: records of other
 * shards are skipped without being decoded), so line numbers in errors stay exact.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("bad shard " + index + " of " + count + " (need 0 <= index < count)");
        }
    }

    /** Parses "i/n", e.g. "0/4". */
    public static Shard parse(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("bad shard '" + s + "' (expected INDEX/COUNT, e.g. 0/4)");
        }
        try {
            return new Shard(Integer.parseInt(s.substring(0, slash).trim()), Integer.parseInt(s.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad shard '" + s + "' (expected INDEX/COUNT, e.g. 0/4)");
        }
    }

    public boolean contains(long recordIndex) {
        return recordIndex % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
