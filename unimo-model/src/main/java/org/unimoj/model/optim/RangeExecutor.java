package org.unimoj.model.optim;

/**
 * Runs a task over contiguous ranges of a flat buffer, possibly on several threads (the
 * optimizer's whole-buffer work splits this way). Range {@code i} of {@code n} is
 * {@code [total * i / n, total * (i + 1) / n)}; results that are combined across ranges are
 * combined in range order, so the outcome does not depend on thread timing.
 */
public interface RangeExecutor {

    /** One range's work. */
    interface RangeTask {
        void run(int index, long from, long to);
    }

    /** How many ranges {@link #run} splits into. */
    int ranges();

    /** Runs {@code task} on every range and returns when all are done. */
    void run(long total, RangeTask task);

    /** Everything on the calling thread, as one range. */
    static RangeExecutor sequential() {
        return new RangeExecutor() {
            @Override
            public int ranges() {
                return 1;
            }

            @Override
            public void run(long total, RangeTask task) {
                task.run(0, 0, total);
            }
        };
    }
}
