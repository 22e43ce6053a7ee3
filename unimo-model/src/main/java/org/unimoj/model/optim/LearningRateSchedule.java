package org.unimoj.model.optim;

/**
 * Linear warm-up to the peak rate, then linear decay to 0 at the last update. Update {@code u}
 * (1-based) uses {@code peak * u / warmup} while {@code u <= warmup}, then
 * {@code peak * (total - u) / (total - warmup)}, never below 0.
 *
 * @param peak    the highest learning rate
 * @param warmup  warm-up updates (0 = start at the peak)
 * @param total   updates of the whole run
 */
public record LearningRateSchedule(double peak, long warmup, long total) {

    public LearningRateSchedule {
        if (peak <= 0 || warmup < 0 || total < 1 || warmup > total) {
            throw new IllegalArgumentException("bad schedule: peak=" + peak + " warmup=" + warmup + " total=" + total);
        }
    }

    /** A constant rate (no warm-up, no decay). */
    public static LearningRateSchedule constant(double lr) {
        return new LearningRateSchedule(lr, 0, Long.MAX_VALUE);
    }

    /** The rate of update {@code u} (1-based). */
    public double rate(long u) {
        if (u < 1) {
            throw new IllegalArgumentException("updates are numbered from 1, got " + u);
        }
        if (total == Long.MAX_VALUE && warmup == 0) {
            return peak;
        }
        if (u <= warmup) {
            return peak * u / warmup;
        }
        if (total == warmup) {
            return 0;
        }
        return peak * Math.max(0.0, (double) (total - u) / (total - warmup));
    }
}
