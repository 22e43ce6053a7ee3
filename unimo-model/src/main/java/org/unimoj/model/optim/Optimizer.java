package org.unimoj.model.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.ParameterStore;

/**
 * The update step of training: unscale and average accumulated gradients, clip their global
 * norm, take the scheduled learning rate, apply AdamW, zero the gradients.
 *
 * <p>Use: for each of {@code k} micro-batches call the model's forward/backward with
 * {@link #gradScale(int) gradScale(k)}; then {@link #apply(int) apply(k)}.
 */
public final class Optimizer {

    /**
     * @param schedule    the learning rate per update
     * @param maxGradNorm clip the global gradient norm to this (0 = no clipping)
     * @param adam        AdamW's settings
     */
    public record Settings(LearningRateSchedule schedule, double maxGradNorm, AdamW.Settings adam) {
        public Settings {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(adam, "adam");
            if (maxGradNorm < 0) {
                throw new IllegalArgumentException("max gradient norm must be >= 0, got " + maxGradNorm);
            }
        }
    }

    /**
     * What one update did.
     *
     * @param update       the update's number (1-based; unchanged when skipped)
     * @param learningRate the rate used (0 when skipped)
     * @param gradNorm     the global norm of the averaged gradients before clipping
     * @param skipped      true when the gradients were not finite and nothing was updated
     */
    public record Outcome(long update, double learningRate, double gradNorm, boolean skipped) {}

    private final ParameterStore store;
    private final Settings settings;
    private final AdamW adam;
    private final LossScaler scaler;

    public Optimizer(ParameterStore store, Settings settings, LossScaler scaler) {
        this.store = store;
        this.settings = settings;
        this.adam = new AdamW(store, settings.adam());
        this.scaler = Objects.requireNonNull(scaler, "scaler");
    }

    public Settings settings() {
        return settings;
    }

    public AdamW adam() {
        return adam;
    }

    public LossScaler scaler() {
        return scaler;
    }

    /** Updates applied so far. */
    public long updates() {
        return adam.updates();
    }

    /** The factor each micro-batch's loss gradient is multiplied by when {@code microBatches} accumulate into one update. */
    public double gradScale(int microBatches) {
        if (microBatches < 1) {
            throw new IllegalArgumentException("micro-batches must be >= 1, got " + microBatches);
        }
        return scaler.scale() / microBatches;
    }

    /** Applies one update from gradients accumulated over {@code microBatches} micro-batches, then zeroes them. */
    public Outcome apply(int microBatches) {
        return apply(microBatches, RangeExecutor.sequential());
    }

    /**
     * As {@link #apply(int)}, with the whole-buffer work (unscaling, the norm, clipping, AdamW,
     * zeroing) split over {@code ranges}. Reads and zeroes gradient slot 0 only (other slots are
     * expected to be folded into it already).
     */
    public Outcome apply(int microBatches, RangeExecutor ranges) {
        gradScale(microBatches);
        INDArray grads = store.grads();
        long total = grads.length();
        double scale = scaler.scale();
        double[] sumSquares = new double[ranges.ranges()];
        ranges.run(total, (i, from, to) -> {
            INDArray g = grads.get(NDArrayIndex.interval(from, to));
            if (scale != 1.0) {
                g.divi(scale);
            }
            double n = g.norm2Number().doubleValue();
            sumSquares[i] = n * n;
        });
        double sum = 0;
        for (double v : sumSquares) {
            sum += v;
        }
        double norm = Math.sqrt(sum);
        if (!Double.isFinite(norm)) {
            scaler.update(true);
            ranges.run(total, (i, from, to) -> grads.get(NDArrayIndex.interval(from, to)).assign(0));
            return new Outcome(adam.updates(), 0.0, norm, true);
        }
        double clip = settings.maxGradNorm() > 0 && norm > settings.maxGradNorm() ? settings.maxGradNorm() / (norm + 1e-6) : 1.0;
        long u = adam.updates() + 1;
        double lr = settings.schedule().rate(u);
        ranges.run(total, (i, from, to) -> {
            if (clip != 1.0) {
                grads.get(NDArrayIndex.interval(from, to)).muli(clip);
            }
            adam.updateRange(lr, from, to);
            grads.get(NDArrayIndex.interval(from, to)).assign(0);
        });
        adam.finishUpdate();
        scaler.update(false);
        return new Outcome(u, lr, norm, false);
    }
}
