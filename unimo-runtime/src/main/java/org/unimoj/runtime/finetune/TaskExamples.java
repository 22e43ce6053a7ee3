package org.unimoj.runtime.finetune;

import java.util.List;
import org.unimoj.runtime.train.BlockShuffledSource;
import org.unimoj.runtime.train.EpochStream;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotSource;

/**
 * A task's training examples as the run's one data stream ({@value #STREAM}): epoch after epoch,
 * each epoch a shuffle of all examples seeded by (seed, epoch), so slot {@code k} is the same in a
 * resumed run. The examples are read once (a task's training split fits in memory); the shuffle is
 * the whole epoch, one block.
 */
final class TaskExamples {

    /** The stream's name in data positions and batches. */
    static final String STREAM = "train";

    private TaskExamples() {}

    static <E> SlotSource<E> source(List<E> examples, String description, long seed) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(description + ": no training examples");
        }
        List<E> all = List.copyOf(examples);
        return new BlockShuffledSource<>(STREAM, description, () -> new InOrder<>(all), all.size(), seed);
    }

    /** One pass over the examples in file order. */
    private static final class InOrder<E> implements EpochStream<E> {
        private final List<E> all;
        private int next;

        InOrder(List<E> all) {
            this.all = all;
        }

        @Override
        public Slot<E> next() {
            if (next == all.size()) {
                return null;
            }
            int i = next++;
            return new Slot.Filled<>(i, all.get(i));
        }

        @Override
        public void close() {}
    }
}
