package org.unimoj.model.tokenizer;

/**
 * The merges of a vocabulary as an open-addressing hash table from a pair of token ids to its
 * rank (the line of {@code merges.txt}, 0 = applied first) and the id of the merged token. If a
 * pair is listed twice, its first line counts, as in GPT-2's own encoder.
 */
final class MergeTable {
    private static final long EMPTY = -1L;

    private final long[] keys;
    /** {@code rank << 32 | result id}. */
    private final long[] values;
    private final int mask;
    private final int shift;

    MergeTable(int[] left, int[] right, int[] result) {
        int cap = Integer.highestOneBit(Math.max(4, left.length * 2 + 1) - 1) << 1;
        keys = new long[cap];
        values = new long[cap];
        mask = cap - 1;
        shift = 64 - Integer.numberOfTrailingZeros(cap);
        java.util.Arrays.fill(keys, EMPTY);
        for (int r = 0; r < left.length; r++) {
            long key = key(left[r], right[r]);
            int slot = slot(key);
            while (keys[slot] != EMPTY && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == EMPTY) {
                keys[slot] = key;
                values[slot] = ((long) r << 32) | (result[r] & 0xFFFFFFFFL);
            }
        }
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    private int slot(long key) {
        // Fibonacci hashing: the high bits of the product are the well-mixed ones.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** {@code rank << 32 | merged id} of the pair, or -1 if the pair does not merge. */
    long get(int a, int b) {
        long key = key(a, b);
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1L;
            }
            slot = (slot + 1) & mask;
        }
    }
}
