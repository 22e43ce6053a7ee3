package org.unimoj.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training step did.
 *
 * @param losses       the loss of each objective (each a mean over its targets), in a stable order
 * @param learningRate the rate of the update
 * @param gradNorm     the global gradient norm before clipping
 */
public record StepResult(Map<String, Double> losses, double learningRate, double gradNorm) {

    public StepResult {
        losses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(losses));
    }

    /** The sum of the objectives' losses (what the gradient is of). */
    public double total() {
        double s = 0;
        for (double v : losses.values()) {
            s += v;
        }
        return s;
    }

    /** True when every loss and the gradient norm are finite. */
    public boolean finite() {
        return Double.isFinite(total()) && Double.isFinite(gradNorm);
    }
}
