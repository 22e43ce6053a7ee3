package org.unimoj.tasks.support;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long evaluation (generation over a split, say) on standard error: at most one
 * line every ten seconds, and the last one if the whole took that long. Not thread-safe.
 */
public final class EvaluationProgress {

    private static final long EVERY_NANOS = 10_000_000_000L;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final long every;
    private final long start = System.nanoTime();
    private long last = start;

    /** Progress of {@code total} items of {@code what}, on standard error. */
    public EvaluationProgress(String what, long total) {
        this(what, total, System.err, EVERY_NANOS);
    }

    EvaluationProgress(String what, long total, PrintStream out, long everyNanos) {
        this.what = what;
        this.total = total;
        this.out = out;
        this.every = everyNanos;
    }

    /** {@code n} of the items are done. */
    public void done(long n) {
        long now = System.nanoTime();
        if (n == total ? now - start >= every : now - last >= every) {
            last = now;
            out.printf(Locale.ROOT, "%s: %d/%d (%.0f s)%n", what, n, total, (now - start) / 1e9);
            out.flush();
        }
    }
}
