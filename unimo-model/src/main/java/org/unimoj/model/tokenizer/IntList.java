package org.unimoj.model.tokenizer;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {
    private int[] a;
    private int size;

    IntList(int capacity) {
        a = new int[Math.max(capacity, 4)];
    }

    void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = v;
    }

    void addAll(int[] vs) {
        if (vs.length == 1 && size < a.length) {
            a[size++] = vs[0];
            return;
        }
        if (size + vs.length > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, size + vs.length));
        }
        System.arraycopy(vs, 0, a, size, vs.length);
        size += vs.length;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
