package org.unimoj.runtime.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where every shard of every stream stands after the last step the ring applied: the next slot
 * to read and, once a reader reached it, the shard's end (its slot count). Every member holds
 * the same table (each applies every member's {@link Range}s of a step), so after a member is
 * lost the survivors agree, without asking anyone, on where its shards go on. Shard {@code k} is
 * read by ring member {@code k mod ring size}: the first ring owns one shard each, a smaller ring
 * takes the orphans over.
 */
final class ShardTable {

    /**
     * Slots {@code [from, to)} of shard {@code shard} of stream {@code stream} read in one step by
     * one member, {@code filled} of them examples (the rest quarantined gaps); {@code end} the
     * shard's slot count if the reader has reached it, else -1.
     */
    record Range(int stream, int shard, long from, long to, long filled, long end) {
        static final int LONGS = 6;
    }

    private final int streams;
    private final int shards;
    private final long[][] next;
    private final long[][] end;

    ShardTable(int streams, int shards) {
        this.streams = streams;
        this.shards = shards;
        this.next = new long[streams][shards];
        this.end = new long[streams][shards];
        for (long[] e : end) {
            Arrays.fill(e, -1);
        }
    }

    int shards() {
        return shards;
    }

    int streams() {
        return streams;
    }

    long next(int stream, int shard) {
        return next[stream][shard];
    }

    long end(int stream, int shard) {
        return end[stream][shard];
    }

    boolean exhausted(int stream, int shard) {
        return end[stream][shard] >= 0 && next[stream][shard] >= end[stream][shard];
    }

    /** The shards ring member {@code rank} of a ring of {@code size} reads, in order. */
    List<Integer> owned(int rank, int size) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            if (k % size == rank) {
                out.add(k);
            }
        }
        return out;
    }

    /** Records what a step read; a range must start where its shard stands. */
    void apply(List<Range> ranges) {
        for (Range r : ranges) {
            if (r.from() != next[r.stream()][r.shard()]) {
                throw new IllegalStateException("stream " + r.stream() + " shard " + r.shard() + ": a step read from slot " + r.from()
                        + " but the shard stands at " + next[r.stream()][r.shard()]);
            }
            next[r.stream()][r.shard()] = r.to();
            if (r.end() >= 0) {
                end[r.stream()][r.shard()] = r.end();
            }
        }
    }

    ShardTable copy() {
        ShardTable t = new ShardTable(streams, shards);
        for (int s = 0; s < streams; s++) {
            t.next[s] = next[s].clone();
            t.end[s] = end[s].clone();
        }
        return t;
    }

    /** {@code next/end} per shard, shards by commas, streams by semicolons (a checkpoint's metadata). */
    String encode() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < streams; s++) {
            sb.append(s == 0 ? "" : ";");
            for (int k = 0; k < shards; k++) {
                sb.append(k == 0 ? "" : ",").append(next[s][k]).append('/').append(end[s][k]);
            }
        }
        return sb.toString();
    }

    static ShardTable parse(String text, int streams, int shards) {
        ShardTable t = new ShardTable(streams, shards);
        String[] perStream = text.split(";", -1);
        if (perStream.length != streams) {
            throw new IllegalArgumentException("shard table '" + text + "': " + perStream.length + " streams, expected " + streams);
        }
        for (int s = 0; s < streams; s++) {
            String[] perShard = perStream[s].split(",", -1);
            if (perShard.length != shards) {
                throw new IllegalArgumentException("shard table '" + text + "': stream " + s + " has " + perShard.length + " shards, this run " + shards);
            }
            for (int k = 0; k < shards; k++) {
                String[] f = perShard[k].split("/", -1);
                try {
                    t.next[s][k] = Long.parseLong(f[0]);
                    t.end[s][k] = Long.parseLong(f[1]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException("shard table '" + text + "': bad entry '" + perShard[k] + "' (expected NEXT/END)");
                }
            }
        }
        return t;
    }

    static long[] flatten(List<Range> ranges) {
        long[] a = new long[ranges.size() * Range.LONGS];
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            System.arraycopy(new long[] {r.stream(), r.shard(), r.from(), r.to(), r.filled(), r.end()}, 0, a, i * Range.LONGS, Range.LONGS);
        }
        return a;
    }

    static List<Range> ranges(long[] a) {
        if (a.length % Range.LONGS != 0) {
            throw new IllegalArgumentException("ranges: " + a.length + " longs, not a multiple of " + Range.LONGS);
        }
        List<Range> out = new ArrayList<>();
        for (int i = 0; i < a.length; i += Range.LONGS) {
            out.add(new Range((int) a[i], (int) a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5]));
        }
        return out;
    }
}
