package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * A trainer's buffer against a brute-force reading of the same shards, with answers cut into
 * pieces, shuffled and repeated: every part holds the next examples of the shards in order, gaps
 * passed over, and at the end every slot was taken exactly once.
 */
class SlotBufferTest {

    /** Slot i of (stream, shard): a gap when its hash says so, else a text example naming it. */
    private static Slot<PretrainExample> slot(int stream, int shard, long i) {
        return (i * 31 + stream * 7 + shard) % 5 == 0 ? new Slot.Empty<>(i, "bad record")
                : new Slot.Filled<>(i, new PretrainExample.Text(stream + "/" + shard + "/" + i, new int[] {0, 2}));
    }

    @Test
    void partsAreTheShardsReadInOrderWhateverWayTheAnswersCome() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 60; trial++) {
            int shards = 1 + rnd.nextInt(4);
            long[][] length = new long[3][shards];
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < shards; k++) {
                    length[s][k] = rnd.nextInt(40);
                }
            }
            int[] demand = {rnd.nextInt(6), rnd.nextInt(6), 1 + rnd.nextInt(3)};
            List<Integer> owned = new ArrayList<>();
            for (int k = 0; k < shards; k++) {
                if (k == 0 || rnd.nextBoolean()) {
                    owned.add(k);
                }
            }
            ShardTable table = new ShardTable(3, shards);
            SlotBuffer buffer = new SlotBuffer();
            long[][] taken = new long[3][shards];
            List<MemberCommand.Fetched> inFlight = new ArrayList<>();
            for (int round = 0; round < 10_000; round++) {
                for (SlotBuffer.Request r : buffer.wanted(table, owned, s -> demand[s])) {
                    assertTrue(owned.contains(r.shard()) && demand[r.stream()] > 0, "asks only for shards it reads: " + r);
                    buffer.sent(r, true, 0);
                    long end = Math.min(length[r.stream()][r.shard()], r.from() + r.count());
                    List<Slot<PretrainExample>> slots = new ArrayList<>();
                    for (long i = r.from(); i < end; i++) {
                        slots.add(slot(r.stream(), r.shard(), i));
                    }
                    // cut into pieces; the last says where the shard ends if the read reached it
                    int from = 0;
                    while (from < slots.size() || from == 0) {
                        int to = Math.min(slots.size(), from + 1 + rnd.nextInt(4));
                        boolean last = to == slots.size();
                        long shardEnd = last && end == length[r.stream()][r.shard()] ? end : -1;
                        inFlight.add(new MemberCommand.Fetched(r.stream(), r.shard(), r.from() + from, List.copyOf(slots.subList(from, to)), shardEnd));
                        if (rnd.nextInt(4) == 0) {
                            inFlight.add(inFlight.get(inFlight.size() - 1)); // delivered twice
                        }
                        from = to;
                        if (slots.isEmpty()) {
                            break;
                        }
                    }
                }
                Collections.shuffle(inFlight, new java.util.Random(rnd.nextLong()));
                int deliver = inFlight.isEmpty() ? 0 : 1 + rnd.nextInt(inFlight.size());
                for (int i = 0; i < deliver; i++) {
                    buffer.received(inFlight.remove(inFlight.size() - 1), table);
                }
                SlotBuffer.Part part = buffer.take(table, owned, s -> demand[s]);
                if (part == null) {
                    continue;
                }
                // brute force: the same part from the shards themselves
                long examples = 0;
                for (int s = 0; s < 3; s++) {
                    if (demand[s] == 0) {
                        continue;
                    }
                    List<String> want = new ArrayList<>();
                    for (int k : owned) {
                        for (long i = table.next(s, k); i < length[s][k] && want.size() < demand[s]; i++) {
                            if (slot(s, k, i) instanceof Slot.Filled<PretrainExample> f) {
                                want.add(((PretrainExample.Text) f.value()).id());
                            }
                        }
                    }
                    List<String> got = part.examples().get(ClusterData.STREAMS.get(s)).stream().map(e -> ((PretrainExample.Text) e).id()).toList();
                    assertEquals(want, got, "stream " + s + " at " + table.encode());
                    examples += got.size();
                }
                ShardTable before = table.copy();
                for (ShardTable.Range r : part.ranges()) {
                    taken[r.stream()][r.shard()] += r.to() - r.from();
                }
                table.apply(part.ranges());
                buffer.dropBefore(before);
                if (examples == 0) {
                    break;
                }
            }
            for (int s = 0; s < 3; s++) {
                for (int k : owned) {
                    if (demand[s] > 0) {
                        assertEquals(length[s][k], taken[s][k], "stream " + s + " shard " + k + " read through, each slot once");
                        assertEquals(length[s][k], table.next(s, k));
                    } else {
                        assertEquals(0, taken[s][k], "a stream the batches do not use is not read");
                    }
                }
            }
        }
    }

    @Test
    void anUnansweredRemoteRequestIsHandedBackOnceItIsOverdue() {
        ShardTable table = new ShardTable(3, 2);
        SlotBuffer buffer = new SlotBuffer();
        List<SlotBuffer.Request> wanted = buffer.wanted(table, List.of(1), s -> s == 0 ? 3 : 0);
        assertEquals(List.of(new SlotBuffer.Request(0, 1, 0, SlotBuffer.window(3))), wanted);
        buffer.sent(wanted.get(0), false, 1_000);
        assertEquals(List.of(), buffer.wanted(table, List.of(1), s -> s == 0 ? 3 : 0), "one request in flight per shard");
        assertEquals(List.of(), buffer.overdue(1_000 + Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(2)));
        assertEquals(wanted, buffer.overdue(1_000 + Duration.ofSeconds(3).toNanos(), Duration.ofSeconds(2)));
        assertEquals(List.of(), buffer.overdue(1_000 + Duration.ofSeconds(9).toNanos(), Duration.ofSeconds(2)), "handed back once");
        buffer.sent(wanted.get(0), true, 2_000);
        assertEquals(List.of(), buffer.overdue(Long.MAX_VALUE, Duration.ofSeconds(2)), "the trainer's own augmenter always answers");
        assertNull(buffer.take(table, List.of(1), s -> s == 0 ? 3 : 0));
        buffer.received(new MemberCommand.Fetched(0, 1, 0, List.of(slot(0, 1, 0), slot(0, 1, 1)), 2), table);
        SlotBuffer.Part part = buffer.take(table, List.of(1), s -> s == 0 ? 3 : 0);
        assertNotNull(part, "the shard ended after 2 slots: a short part");
        assertEquals(List.of(new ShardTable.Range(0, 1, 0, 2, part.examples().get("pairs").size(), 2)), part.ranges());
    }
}
