package org.unimoj.data.features;

import java.nio.charset.StandardCharsets;

/**
 * A set of 64-bit hashes of ids (open addressing), for duplicate detection in files too large for
 * a set of strings: 16 bytes a record at most. Two distinct ids collide with probability about
 * n^2 / 2^65 (1e-8 for a million records).
 */
final class LongHashSet {

    private long[] table = new long[1 << 12];
    private boolean hasZero;
    private int size;

    /** Adds the hash of {@code id}; false when it was there already. */
    boolean add(String id) {
        return addHash(hash(id));
    }

    static long hash(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        long h = 0x9E3779B97F4A7C15L ^ b.length;
        for (byte x : b) {
            h = (h ^ (x & 0xFF)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private boolean addHash(long h) {
        if (h == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            return true;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) {
            if (h != 0) {
                addHash(h);
            }
        }
    }
}
