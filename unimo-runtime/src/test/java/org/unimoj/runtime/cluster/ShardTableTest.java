package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard table every member keeps, and the leader's account of the slots built from the steps' ranges. */
class ShardTableTest {

    @Test
    void everyShardHasExactlyOneReaderForAnyRingSize() {
        for (int shards = 1; shards <= 9; shards++) {
            ShardTable t = new ShardTable(3, shards);
            for (int size = 1; size <= shards; size++) {
                int[] owners = new int[shards];
                for (int rank = 0; rank < size; rank++) {
                    for (int k : t.owned(rank, size)) {
                        owners[k]++;
                    }
                }
                for (int k = 0; k < shards; k++) {
                    assertEquals(1, owners[k], shards + " shards, ring of " + size + ": shard " + k);
                }
                if (size == shards) {
                    for (int rank = 0; rank < size; rank++) {
                        assertEquals(List.of(rank), t.owned(rank, size), "the first ring reads one shard each");
                    }
                }
            }
        }
    }

    @Test
    void appliedRangesMoveTheShardsAndTheTableSurvivesItsTextForm() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int streams = 1 + rnd.nextInt(3);
            int shards = 1 + rnd.nextInt(5);
            ShardTable t = new ShardTable(streams, shards);
            long[][] want = new long[streams][shards];
            long[][] end = new long[streams][shards];
            for (long[] e : end) {
                java.util.Arrays.fill(e, -1);
            }
            for (int step = 0; step < 10; step++) {
                List<ShardTable.Range> ranges = new ArrayList<>();
                int s = rnd.nextInt(streams);
                int k = rnd.nextInt(shards);
                long n = rnd.nextInt(6);
                long e = rnd.nextInt(4) == 0 ? want[s][k] + n : -1;
                ranges.add(new ShardTable.Range(s, k, want[s][k], want[s][k] + n, rnd.nextLong(n + 1), e));
                want[s][k] += n;
                if (e >= 0) {
                    end[s][k] = e;
                }
                t.apply(ShardTable.ranges(ShardTable.flatten(ranges)));
            }
            ShardTable back = ShardTable.parse(t.encode(), streams, shards);
            for (int s = 0; s < streams; s++) {
                for (int k = 0; k < shards; k++) {
                    assertEquals(want[s][k], t.next(s, k));
                    assertEquals(end[s][k], t.end(s, k));
                    assertEquals(end[s][k] >= 0 && want[s][k] >= end[s][k], t.exhausted(s, k));
                    assertEquals(t.next(s, k), back.next(s, k));
                    assertEquals(t.end(s, k), back.end(s, k));
                }
            }
        }
    }

    @Test
    void aRangeThatDoesNotStartWhereItsShardStandsIsRefused() {
        ShardTable t = new ShardTable(3, 2);
        t.apply(List.of(new ShardTable.Range(1, 0, 0, 5, 5, -1)));
        ShardTable before = t.copy();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.apply(List.of(new ShardTable.Range(1, 0, 4, 8, 4, -1))));
        assertEquals("stream 1 shard 0: a step read from slot 4 but the shard stands at 5", e.getMessage());
        assertEquals(5, before.next(1, 0));
        assertFalse(t.exhausted(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ShardTable.parse("0/-1,0/-1", 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ShardTable.parse("0/-1;0/x;0/-1", 3, 1));
    }

    /** The summary's counts against a brute-force count over every slot, with slots read twice and never read on purpose. */
    @Test
    void theSummaryCountsEverySlotOnceAgainstABruteForceCount(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            int shards = 1 + rnd.nextInt(4);
            ShardTable last = new ShardTable(3, shards);
            long[][] ends = new long[3][shards];
            int[][] reads = new int[3][];
            List<RunRecords.AppliedStep> steps = new ArrayList<>();
            long[] filled = new long[3];
            int offsets = 0;
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < shards; k++) {
                    ends[s][k] = rnd.nextInt(30);
                }
            }
            List<List<ShardTable.Range>> parts = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                List<ShardTable.Range> ranges = new ArrayList<>();
                for (int k = 0; k < shards; k++) {
                    long pos = 0;
                    while (pos < ends[s][k]) {
                        long n = 1 + rnd.nextInt(5);
                        long from = Math.max(0, pos + rnd.nextInt(3) - 1); // sometimes back one (read twice), sometimes on one (missed)
                        long to = Math.min(ends[s][k], from + n);
                        if (to > from) {
                            long f = rnd.nextLong(to - from + 1);
                            ranges.add(new ShardTable.Range(s, k, from, to, f, -1));
                            filled[s] += f;
                        }
                        pos = Math.max(pos, to);
                    }
                }
                parts.add(ranges);
            }
            // every range a step of its own, by members "m0".."m2" in turn
            long step = 0;
            for (List<ShardTable.Range> ranges : parts) {
                for (ShardTable.Range r : ranges) {
                    steps.add(new RunRecords.AppliedStep(step++, List.of("m" + (offsets++ % 3)), List.of(List.of(r)), r.filled()));
                }
            }
            List<ShardTable.Range> ends0 = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < shards; k++) {
                    ends0.add(new ShardTable.Range(s, k, 0, ends[s][k], 0, ends[s][k]));
                }
            }
            last.apply(ends0);
            boolean useImages = rnd.nextBoolean();
            String line = new RunRecords(dir.resolve("t" + trial), 1).summary(steps, last, 0, new ShardTable(3, shards), s -> s < 2 || useImages);
            for (int s = 0; s < 3; s++) {
                long slots = 0;
                long read = 0;
                long twice = 0;
                long missing = 0;
                for (int k = 0; k < shards; k++) {
                    int[] count = new int[(int) ends[s][k]];
                    for (ShardTable.Range r : parts.get(s)) {
                        if (r.shard() == k) {
                            for (long i = r.from(); i < r.to(); i++) {
                                count[(int) i]++;
                            }
                        }
                    }
                    slots += count.length;
                    for (int c : count) {
                        read += c;
                        twice += Math.max(0, c - 1);
                        missing += c == 0 ? 1 : 0;
                    }
                }
                String name = ClusterData.STREAMS.get(s);
                Matcher m = Pattern.compile(name + " (\\d+) slots read (\\d+) duplicates (\\d+) missing (\\d+) examples (\\d+)").matcher(line);
                if (s == 2 && !useImages) {
                    assertFalse(m.find(), "a stream the batches do not use is left out: " + line);
                    continue;
                }
                assertTrue(m.find(), line);
                assertEquals(List.of(slots, read, twice, missing, filled[s]),
                        List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                                Long.parseLong(m.group(5))), name + ": " + line);
            }
            List<String> lines = Files.readAllLines(dir.resolve("t" + trial).resolve(RunRecords.SUMMARY));
            assertEquals(steps.size() + 2, lines.size());
            for (int i = 0; i < steps.size(); i++) {
                String[] f = lines.get(i + 1).split("\t");
                assertEquals(steps.get(i).ranges().get(0).stream().map(r -> new ShardTable.Range(r.stream(), r.shard(), r.from(), r.to(), r.filled(), -1)).toList(),
                        RunRecords.parseRanges(f[2]), "summary line " + (i + 1) + " parses back");
            }
        }
    }
}
