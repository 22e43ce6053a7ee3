package org.unimoj.runtime.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * A trainer's slots fetched ahead of the shard table, per shard of each stream: which to ask the
 * augmenters for next (a few parts' worth ahead, one request in flight per shard), what came back
 * (answers may come in several messages, in any order, twice), and the part of a step once every
 * slot it needs is here. Shard ends learnt from the augmenters count until the table has them.
 * Not thread-safe: the trainer's actor owns it.
 */
final class SlotBuffer {

    /** Ask for {@code count} slots from {@code from} of a shard. */
    record Request(int stream, int shard, long from, int count) {}

    /** A part: the examples by stream name, and the slot ranges they came from. */
    record Part(Map<String, List<PretrainExample>> examples, List<ShardTable.Range> ranges) {}

    private record Outstanding(Request request, long sentNanos, boolean local) {}

    private final Map<Long, TreeMap<Long, Slot<PretrainExample>>> slots = new HashMap<>();
    private final Map<Long, Long> ends = new HashMap<>();
    private final Map<Long, Outstanding> outstanding = new HashMap<>();

    private static long key(int stream, int shard) {
        return ((long) stream << 32) | shard;
    }

    /** Slots per request for a stream whose part takes {@code demand}. */
    static int window(int demand) {
        return Math.max(2 * demand, 4);
    }

    /** A shard's end, from the table or from an augmenter's answer (-1: not reached yet). */
    long end(ShardTable table, int stream, int shard) {
        long e = table.end(stream, shard);
        return e >= 0 ? e : ends.getOrDefault(key(stream, shard), -1L);
    }

    /** What to ask for now: for each shard in {@code owned} with no request in flight, the next window if fewer than two are here. */
    List<Request> wanted(ShardTable table, List<Integer> owned, IntUnaryOperator demand) {
        List<Request> out = new ArrayList<>();
        for (int s = 0; s < table.streams(); s++) {
            int d = demand.applyAsInt(s);
            if (d == 0) {
                continue;
            }
            int window = window(d);
            for (int k : owned) {
                if (outstanding.containsKey(key(s, k))) {
                    continue;
                }
                TreeMap<Long, Slot<PretrainExample>> here = slots.getOrDefault(key(s, k), new TreeMap<>());
                long have = table.next(s, k);
                while (here.containsKey(have)) {
                    have++;
                }
                long end = end(table, s, k);
                if ((end >= 0 && have >= end) || have >= table.next(s, k) + 2L * window) {
                    continue;
                }
                out.add(new Request(s, k, have, window));
            }
        }
        return out;
    }

    /** Notes a request sent (to the trainer's own augmenter: {@code local}). */
    void sent(Request r, boolean local, long nowNanos) {
        outstanding.put(key(r.stream(), r.shard()), new Outstanding(r, nowNanos, local));
    }

    /** Keeps an answer's slots at or after the shard's position; the request is done with the message reaching its end. */
    void received(MemberCommand.Fetched f, ShardTable table) {
        long key = key(f.stream(), f.shard());
        TreeMap<Long, Slot<PretrainExample>> here = slots.computeIfAbsent(key, x -> new TreeMap<>());
        long floor = table.next(f.stream(), f.shard());
        for (Slot<PretrainExample> s : f.slots()) {
            if (s.index() >= floor) {
                here.put(s.index(), s);
            }
        }
        if (f.end() >= 0) {
            ends.put(key, f.end());
        }
        Outstanding o = outstanding.get(key);
        if (o != null && f.from() >= o.request().from()
                && (f.from() + f.slots().size() >= o.request().from() + o.request().count() || f.end() >= 0)) {
            outstanding.remove(key);
        }
    }

    /** Requests to augmenter members unanswered for longer than {@code timeout} (forgotten here: send them again). */
    List<Request> overdue(long nowNanos, Duration timeout) {
        List<Request> out = new ArrayList<>();
        for (Outstanding o : List.copyOf(outstanding.values())) {
            if (!o.local() && nowNanos - o.sentNanos() > timeout.toNanos()) {
                outstanding.remove(key(o.request().stream(), o.request().shard()));
                out.add(o.request());
            }
        }
        return out;
    }

    /**
     * The part of a step: for each stream, {@code demand} examples from the shards in
     * {@code owned}, in order, each from where the table stands (gaps are passed over and
     * counted in the range); fewer where the shards end. Null while a slot it needs is not here.
     */
    Part take(ShardTable table, List<Integer> owned, IntUnaryOperator demand) {
        Map<String, List<PretrainExample>> examples = new LinkedHashMap<>();
        List<ShardTable.Range> ranges = new ArrayList<>();
        for (int s = 0; s < table.streams(); s++) {
            int d = demand.applyAsInt(s);
            if (d == 0) {
                continue;
            }
            List<PretrainExample> taken = new ArrayList<>(d);
            for (int k : owned) {
                long start = table.next(s, k);
                long pos = start;
                long filled = 0;
                long end = end(table, s, k);
                TreeMap<Long, Slot<PretrainExample>> here = slots.getOrDefault(key(s, k), new TreeMap<>());
                while (taken.size() < d && !(end >= 0 && pos >= end)) {
                    Slot<PretrainExample> slot = here.get(pos);
                    if (slot == null) {
                        return null;
                    }
                    if (slot instanceof Slot.Filled<PretrainExample> f) {
                        taken.add(f.value());
                        filled++;
                    }
                    pos++;
                }
                // an empty range still tells the ring where a shard ends
                if (pos > start || (end >= 0 && table.end(s, k) < 0)) {
                    ranges.add(new ShardTable.Range(s, k, start, pos, filled, end));
                }
                if (taken.size() == d) {
                    break;
                }
            }
            examples.put(ClusterData.STREAMS.get(s), taken);
        }
        return new Part(examples, ranges);
    }

    /** Forgets slots before {@code table}'s positions (keep the table from before the last step, so a rollback finds its slots). */
    void dropBefore(ShardTable table) {
        for (Map.Entry<Long, TreeMap<Long, Slot<PretrainExample>>> e : slots.entrySet()) {
            e.getValue().headMap(table.next((int) (e.getKey() >>> 32), (int) (long) e.getKey())).clear();
        }
    }
}
