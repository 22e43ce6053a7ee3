package org.unimoj.model.optim;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        gradScale(microBatches);
        INDArray grads = store.grads();
        double scale = scaler.scale();
        if (scale != 1.0) {
            grads.divi(scale);
        }
        double norm = grads.norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            scaler.update(true);
            store.zeroGrads();
            return new Outcome(adam.updates(), 0.0, norm, true);
        }
        if (settings.maxGradNorm() > 0 && norm > settings.maxGradNorm()) {
            grads.muli(settings.maxGradNorm() / (norm + 1e-6));
        }
        long u = adam.updates() + 1;
        double lr = settings.schedule().rate(u);
        adam.update(lr);
        scaler.update(false);
        store.zeroGrads();
        return new Outcome(u, lr, norm, false);
    }
}
