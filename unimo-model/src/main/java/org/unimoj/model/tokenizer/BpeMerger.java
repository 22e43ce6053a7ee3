package org.unimoj.model.tokenizer;

import java.util.Arrays;

/**
 * Byte-pair merging of one pre-tokenized word: starting from one token per byte, repeatedly
 * merge the adjacent pair of lowest rank, the leftmost one on ties, until no adjacent pair is in
 * the merge table. This is GPT-2's {@code bpe()} and Hugging Face's {@code Word::merge_all}.
 * Short words use a scan of a pair-rank array (no allocation beyond two small arrays); long ones
 * (whitespace runs, unbroken CJK text) a heap over a linked list, so no word costs quadratic time.
 */
final class BpeMerger {
    /** Words up to this many bytes are merged by scanning; longer ones through the heap. */
    static final int SCAN_LIMIT = 96;
    private static final int NONE = Integer.MAX_VALUE;

    private final MergeTable merges;
    private final int[] byteIds;

    /** @param byteIds the token id of each of the 256 single bytes */
    BpeMerger(MergeTable merges, int[] byteIds) {
        this.merges = merges;
        this.byteIds = byteIds.clone();
    }

    /** The ids of the word whose UTF-8 bytes are {@code bytes[0..n)}. */
    int[] encode(byte[] bytes, int n) {
        int[] sym = new int[n];
        for (int i = 0; i < n; i++) {
            sym[i] = byteIds[bytes[i] & 0xFF];
        }
        if (n < 2) {
            return sym;
        }
        int m = n <= SCAN_LIMIT ? mergeByScan(sym, n) : mergeByHeap(sym, n);
        return m == n ? sym : Arrays.copyOf(sym, m);
    }

    /** Merges {@code sym[0..n)} in place; returns the new length. */
    int mergeByScan(int[] sym, int n) {
        int[] rank = new int[n - 1];
        int[] result = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            setPair(sym, i, rank, result);
        }
        while (n > 1) {
            int best = NONE;
            int at = -1;
            for (int i = 0; i < n - 1; i++) {
                if (rank[i] < best) {
                    best = rank[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            sym[at] = result[at];
            System.arraycopy(sym, at + 2, sym, at + 1, n - at - 2);
            System.arraycopy(rank, at + 1, rank, at, n - at - 2);
            System.arraycopy(result, at + 1, result, at, n - at - 2);
            n--;
            if (at > 0) {
                setPair(sym, at - 1, rank, result);
            }
            if (at < n - 1) {
                setPair(sym, at, rank, result);
            }
        }
        return n;
    }

    private void setPair(int[] sym, int i, int[] rank, int[] result) {
        long v = merges.get(sym[i], sym[i + 1]);
        if (v < 0) {
            rank[i] = NONE;
        } else {
            rank[i] = (int) (v >>> 32);
            result[i] = (int) v;
        }
    }

    /** The same merges as {@link #mergeByScan}, in O(n log n): a min-heap of (rank, position) over a linked list. */
    int mergeByHeap(int[] sym, int n) {
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        LongHeap heap = new LongHeap(n);
        for (int i = 0; i + 1 < n; i++) {
            push(heap, sym, i, i + 1);
        }
        while (!heap.isEmpty()) {
            long top = heap.poll();
            int rank = (int) (top >>> 32);
            int p = (int) top;
            int q = next[p];
            if (sym[p] < 0 || q < 0) {
                continue;
            }
            long v = merges.get(sym[p], sym[q]);
            if (v < 0 || (int) (v >>> 32) != rank) {
                continue; // the pair at p changed since this entry was pushed
            }
            sym[p] = (int) v;
            sym[q] = -1;
            int r = next[q];
            next[p] = r;
            if (r >= 0) {
                prev[r] = p;
                push(heap, sym, p, r);
            }
            if (prev[p] >= 0) {
                push(heap, sym, prev[p], p);
            }
        }
        int m = 0;
        for (int i = 0; i >= 0; i = next[i]) {
            sym[m++] = sym[i];
        }
        return m;
    }

    private void push(LongHeap heap, int[] sym, int p, int q) {
        long v = merges.get(sym[p], sym[q]);
        if (v >= 0) {
            heap.add((v & 0xFFFFFFFF00000000L) | p);
        }
    }

    /** A binary min-heap of longs. */
    private static final class LongHeap {
        private long[] a;
        private int size;

        LongHeap(int capacity) {
            a = new long[Math.max(capacity, 4)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (a[parent] <= v) {
                    break;
                }
                a[i] = a[parent];
                i = parent;
            }
            a[i] = v;
        }

        long poll() {
            long top = a[0];
            long last = a[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                if (child + 1 < size && a[child + 1] < a[child]) {
                    child++;
                }
                if (a[child] >= last) {
                    break;
                }
                a[i] = a[child];
                i = child;
            }
            a[i] = last;
            return top;
        }
    }
}
