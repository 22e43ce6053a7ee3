package org.unimoj.tasks.engine;

import java.util.Objects;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.Optimizer;

/**
 * How {@link FineTuner} trains.
 *
 * @param optimizer          AdamW, the learning-rate schedule (warm-up then linear decay) and clipping
 * @param workers            lanes (threads) a batch is sharded over; one per core
 * @param maxExamplesPerPass at most this many examples go through the model at once (gradients
 *                           accumulate over passes); 0 = the batch split evenly over the workers
 * @param seed               the run's seed: dropout of step {@code s} draws from (seed, s) only
 */
public record FineTuneSettings(Optimizer.Settings optimizer, int workers, int maxExamplesPerPass, long seed) {

    public FineTuneSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (maxExamplesPerPass < 0) {
            throw new IllegalArgumentException("maxExamplesPerPass must be >= 0 (0 = no limit), got " + maxExamplesPerPass);
        }
    }

    /**
     * AdamW (betas 0.9/0.999, eps 1e-8, weight decay 0.01), linear warm-up over {@code warmup}
     * updates to {@code peakLearningRate} then linear decay to 0 at {@code totalUpdates}, gradient
     * norm clipped to 1, two workers, no pass limit.
     */
    public static FineTuneSettings of(double peakLearningRate, long warmup, long totalUpdates, long seed) {
        return new FineTuneSettings(new Optimizer.Settings(new LearningRateSchedule(peakLearningRate, warmup, totalUpdates), 1.0,
                AdamW.Settings.defaults()), 2, 0, seed);
    }

    public FineTuneSettings withWorkers(int w) {
        return new FineTuneSettings(optimizer, w, maxExamplesPerPass, seed);
    }

    public FineTuneSettings withMaxExamplesPerPass(int m) {
        return new FineTuneSettings(optimizer, workers, m, seed);
    }

    /** How many shards a batch of {@code n} examples is cut into: a multiple of the workers, each at most {@code maxExamplesPerPass}. */
    public int pieces(int n) {
        int base = maxExamplesPerPass > 0 ? (n + maxExamplesPerPass - 1) / maxExamplesPerPass : 1;
        int p = (base + workers - 1) / workers * workers;
        return Math.max(1, Math.min(p, n));
    }
}
