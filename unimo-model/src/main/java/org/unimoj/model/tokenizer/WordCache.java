package org.unimoj.model.tokenizer;

import java.util.Arrays;

/**
 * A bounded, thread-safe cache from a pre-tokenized word (its chars) to its ids, so a repeated
 * word costs one hash and one comparison instead of a UTF-8 conversion and a BPE run. Direct
 * mapped: each word has one slot and a new word evicts the old one. Shared by all threads
 * without locks: an entry is immutable with final fields, so a racing reader sees either a
 * whole entry or the previous one, never a half-written one.
 */
final class WordCache {
    /** Words longer than this are rare enough not to be worth a slot. */
    static final int MAX_WORD_CHARS = 40;

    private static final class Entry {
        final char[] word;
        final int[] ids;
        /** Hit since the last time a new word wanted this slot; a racy flag, it only steers eviction. */
        boolean hit;

        Entry(char[] word, int[] ids) {
            this.word = word;
            this.ids = ids;
        }
    }

    private final Entry[] slots;
    private final int mask;

    /** @param capacity the number of slots, rounded up to a power of two; 0 disables the cache */
    WordCache(int capacity) {
        int cap = capacity <= 0 ? 0 : Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        slots = new Entry[cap];
        mask = cap - 1;
    }

    int capacity() {
        return slots.length;
    }

    static int hash(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s[i];
        }
        return h ^ (h >>> 15) ^ (h >>> 7);
    }

    /** The ids cached for {@code s[from..to)}, or null. */
    int[] get(char[] s, int from, int to, int hash) {
        if (slots.length == 0) {
            return null;
        }
        Entry e = slots[hash & mask];
        if (e == null) {
            return null;
        }
        // A plain loop: words are a few chars long, too short for a vectorised compare to pay off.
        char[] w = e.word;
        if (w.length != to - from) {
            return null;
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] != s[from + i]) {
                return null;
            }
        }
        if (!e.hit) {
            e.hit = true;
        }
        return e.ids;
    }

    void put(char[] s, int from, int to, int hash, int[] ids) {
        if (slots.length == 0) {
            return;
        }
        // Second chance: a word that was hit keeps its slot once against a newcomer, so a stream of
        // one-off words (numbers, hashes, random CJK) cannot flush the frequent ones.
        int slot = hash & mask;
        Entry old = slots[slot];
        if (old != null && old.hit) {
            old.hit = false;
            return;
        }
        slots[slot] = new Entry(Arrays.copyOfRange(s, from, to), ids);
    }
}
