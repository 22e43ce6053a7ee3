package org.unimoj.tasks.support;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Walks a stream in lists of at most {@code size} items, so a split of any size is scored in bounded memory. */
public final class Chunks {

    /** Items per chunk when a task scores a split: enough to keep the predictor's lanes busy. */
    public static final int DEFAULT_SIZE = 512;

    private Chunks() {}

    public static <T> void forEach(Stream<T> items, int size, Consumer<List<T>> action) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1, got " + size);
        }
        List<T> chunk = new ArrayList<>(size);
        for (Iterator<T> it = items.iterator(); it.hasNext();) {
            chunk.add(it.next());
            if (chunk.size() == size) {
                action.accept(chunk);
                chunk = new ArrayList<>(size);
            }
        }
        if (!chunk.isEmpty()) {
            action.accept(chunk);
        }
    }
}
