package org.unimoj.tasks.metrics.meteor;

import java.util.Arrays;

/**
 * METEOR's scoring parameters: {@code alpha} (precision/recall balance of the F-mean), {@code beta} and
 * {@code gamma} (shape and weight of the fragmentation penalty), {@code delta} (content versus function
 * words) and one weight per matcher module (exact, stem, synonym).
 */
public record MeteorParameters(double alpha, double beta, double gamma, double delta, double[] moduleWeights) {

    /**
     * METEOR 1.5's defaults for English ({@code -l en}, default "rank" task): alpha 0.85, beta 0.20,
     * gamma 0.60, delta 0.75; module weights exact 1.0, stem 0.6, synonym 0.8 (paraphrase 0.6 is
     * not used: there is no paraphrase module here).
     */
    public static final MeteorParameters ENGLISH_1_5 = new MeteorParameters(0.85, 0.20, 0.60, 0.75, new double[] {1.0, 0.6, 0.8});

    public MeteorParameters {
        moduleWeights = moduleWeights.clone();
        if (moduleWeights.length != 3) {
            throw new IllegalArgumentException("need 3 module weights (exact, stem, synonym), got " + moduleWeights.length);
        }
    }

    @Override
    public double[] moduleWeights() {
        return moduleWeights.clone();
    }

    double weight(int module) {
        return moduleWeights[module];
    }

    @Override
    public String toString() {
        return "MeteorParameters[alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", delta=" + delta
                + ", moduleWeights=" + Arrays.toString(moduleWeights) + "]";
    }
}
