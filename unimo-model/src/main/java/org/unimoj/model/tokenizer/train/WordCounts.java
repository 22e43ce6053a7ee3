package org.unimoj.model.tokenizer.train;

import java.util.Arrays;

/**
 * How often each pre-tokenized word occurs: an open-addressing table keyed by the word's chars,
 * so counting an already seen word allocates nothing. Its size is the number of distinct words,
 * not the corpus size; past {@code maxWords} the rarest words are dropped (see {@link #prune}).
 */
final class WordCounts {
    private char[][] keys;
    private long[] counts;
    private int[] hashes;
    private int size;
    private final int maxWords;
    /** Words seen fewer times than this were dropped at some point; 1 if none ever was. */
    private long pruneFloor = 1;

    WordCounts(int maxWords) {
        this.maxWords = maxWords;
        allocate(1 << 12);
    }

    private void allocate(int cap) {
        keys = new char[cap][];
        counts = new long[cap];
        hashes = new int[cap];
    }

    static int hash(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s[i];
        }
        return h ^ (h >>> 16);
    }

    void add(char[] s, int from, int to) {
        int h = hash(s, from, to);
        int mask = keys.length - 1;
        int slot = h & mask;
        while (true) {
            char[] k = keys[slot];
            if (k == null) {
                keys[slot] = Arrays.copyOfRange(s, from, to);
                counts[slot] = 1;
                hashes[slot] = h;
                size++;
                if (size * 2 > keys.length) {
                    rehash(keys.length * 2);
                }
                if (size > maxWords) {
                    prune();
                }
                return;
            }
            if (hashes[slot] == h && Arrays.equals(k, 0, k.length, s, from, to)) {
                counts[slot]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void rehash(int cap) {
        char[][] oldKeys = keys;
        long[] oldCounts = counts;
        int[] oldHashes = hashes;
        allocate(cap);
        int mask = cap - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /**
     * Drops the words seen fewer than t times, t = 2, 4, 8, ... until at most half of
     * {@code maxWords} remain. Deterministic: it depends only on the text read so far.
     */
    private void prune() {
        long t = 2;
        while (size > maxWords / 2) {
            int kept = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    if (counts[i] < t) {
                        keys[i] = null;
                    } else {
                        kept++;
                    }
                }
            }
            size = kept;
            pruneFloor = Math.max(pruneFloor, t);
            t *= 2;
        }
        rehash(keys.length);
    }

    int size() {
        return size;
    }

    /** The highest count below which words were dropped; 1 if no word was. */
    long pruneFloor() {
        return pruneFloor;
    }

    interface Visitor {
        void word(char[] word, long count);
    }

    /** Visits every word, in table order (deterministic for a given input). */
    void forEach(Visitor v) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                v.word(keys[i], counts[i]);
            }
        }
    }
}
