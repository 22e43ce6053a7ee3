package org.unimoj.plugins.summarization;

import java.io.PrintStream;

/** Progress of a long evaluation on standard error: at most one line every ten seconds, and the last. */
final class Progress {

    private static final long EVERY_NANOS = 10_000_000_000L;

    private final String what;
    private final long total;
    private final PrintStream out = System.err;
    private final long start = System.nanoTime();
    private long last = start;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void done(long n) {
        long now = System.nanoTime();
        if (n == total ? now - start >= EVERY_NANOS : now - last >= EVERY_NANOS) {
            last = now;
            out.printf("%s: %d/%d (%.0f s)%n", what, n, total, (now - start) / 1e9);
            out.flush();
        }
    }
}
