package org.unimoj.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.TextRecord;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;

class BlockShuffledSourceTest {

    @TempDir
    Path tmp;

    /** An epoch of {@code n} integers in order. */
    static Supplier<EpochStream<Integer>> ints(int n) {
        return () -> new EpochStream<>() {
            int i;

            @Override
            public Slot<Integer> next() {
                return i < n ? new Slot.Filled<>(i, i++) : null;
            }

            @Override
            public void close() {}
        };
    }

    static List<Slot<Integer>> take(SlotSource<Integer> s, long from, int n) {
        List<Slot<Integer>> out = new ArrayList<>();
        try (SlotSource.Cursor<Integer> c = s.open(from)) {
            for (int i = 0; i < n; i++) {
                out.add(c.next());
            }
        }
        return out;
    }

    @Test
    void everyEpochIsAPermutationWithinBlocksAndIndexesCount() {
        BlockShuffledSource<Integer> s = new BlockShuffledSource<>("x", "test", ints(10), 4, 1);
        List<Slot<Integer>> slots = take(s, 0, 30);
        for (int k = 0; k < 30; k++) {
            assertEquals(k, slots.get(k).index());
        }
        for (int e = 0; e < 3; e++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < 10; k++) {
                int v = ((Slot.Filled<Integer>) slots.get(10 * e + k)).value();
                assertEquals(k / 4, v / 4, "a record stays in its block");
                seen.add(v);
            }
            assertEquals(10, seen.size(), "epoch " + e + " is a permutation");
        }
        assertEquals(10, s.epochLength());
        List<Integer> e0 = slots.subList(0, 10).stream().map(x -> ((Slot.Filled<Integer>) x).value()).toList();
        List<Integer> e1 = slots.subList(10, 20).stream().map(x -> ((Slot.Filled<Integer>) x).value()).toList();
        assertNotEquals(e0, e1, "each epoch is shuffled anew");
    }

    @Test
    void openingAtAnySlotContinuesExactlyAsAnUnbrokenCursor() {
        List<Slot<Integer>> all = take(new BlockShuffledSource<>("x", "test", ints(10), 4, 9), 0, 35);
        for (long from : new long[] {0, 1, 3, 4, 9, 10, 11, 17, 23}) {
            // a fresh source (epoch length unknown) and the same source (known) both work
            BlockShuffledSource<Integer> fresh = new BlockShuffledSource<>("x", "test", ints(10), 4, 9);
            assertEquals(all.subList((int) from, 35), take(fresh, from, 35 - (int) from), "fresh source from " + from);
            assertEquals(all.subList((int) from, 35), take(fresh, from, 35 - (int) from), "source that knows its epoch from " + from);
        }
    }

    @Test
    void readerRejectsBecomeGapsThatKeepPositions() throws Exception {
        Path corpus = tmp.resolve("text.txt");
        Files.writeString(corpus, "one\ntwo\n   \nfour\n\t\nbad \u0001 control\nseven\n");
        Quarantine q = Quarantine.toFile(tmp.resolve("q.jsonl"));
        ReadOptions skip = ReadOptions.skipTo(q);
        BlockShuffledSource<TextRecord> s = new BlockShuffledSource<>("t", corpus.toString(),
                () -> new RecordReaderStream<>(TextCorpusReader.open(corpus, skip), List::of), 1, 3);
        List<Slot<TextRecord>> slots = new ArrayList<>();
        try (SlotSource.Cursor<TextRecord> c = s.open(0)) {
            for (int i = 0; i < 7; i++) {
                slots.add(c.next());
            }
        }
        q.close();
        assertEquals("one", ((Slot.Filled<TextRecord>) slots.get(0)).value().text());
        assertInstanceOf(Slot.Empty.class, slots.get(2));
        assertEquals("four", ((Slot.Filled<TextRecord>) slots.get(3)).value().text());
        assertInstanceOf(Slot.Empty.class, slots.get(4));
        assertInstanceOf(Slot.Empty.class, slots.get(5));
        assertEquals("seven", ((Slot.Filled<TextRecord>) slots.get(6)).value().text());
        assertEquals(3, Files.readAllLines(tmp.resolve("q.jsonl")).size(), "the reader quarantined the three bad lines");
        assertTrue(Files.readString(tmp.resolve("q.jsonl")).contains("\"line\":3"));
    }
}
