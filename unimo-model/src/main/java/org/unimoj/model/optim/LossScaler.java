package org.unimoj.model.optim;

/**
 * Loss scaling for half-precision training on GPU: the backward pass runs on the loss times
 * {@link #scale()}, the optimizer divides the gradients by it, and an overflow (a non-finite
 * gradient norm) skips the update and tells the scaler. On CPU in float32 the scale is 1.
 */
public interface LossScaler {

    /** The factor the loss's gradient is multiplied by. */
    double scale();

    /** Called after every update attempt; {@code overflow} when the gradients were not finite. */
    void update(boolean overflow);

    /** A constant scale ({@code 1} = no scaling). */
    static LossScaler fixed(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("loss scale must be positive and finite, got " + scale);
        }
        return new LossScaler() {
            @Override
            public double scale() {
                return scale;
            }

            @Override
            public void update(boolean overflow) {
                // a fixed scale never changes
            }
        };
    }

    /**
     * Dynamic scaling: halve on overflow, double after {@code growthInterval} updates without
     * one, as mixed-precision trainers do.
     */
    static Dynamic dynamic(double initial, int growthInterval) {
        return new Dynamic(initial, growthInterval);
    }

    /** The dynamic scaler, with its state exposed for checkpoints. */
    final class Dynamic implements LossScaler {
        private double scale;
        private final int growthInterval;
        private int goodUpdates;

        Dynamic(double initial, int growthInterval) {
            if (!(initial > 0) || growthInterval < 1) {
                throw new IllegalArgumentException("bad dynamic loss scaler: scale=" + initial + " interval=" + growthInterval);
            }
            this.scale = initial;
            this.growthInterval = growthInterval;
        }

        @Override
        public double scale() {
            return scale;
        }

        @Override
        public void update(boolean overflow) {
            if (overflow) {
                scale = Math.max(1.0, scale / 2);
                goodUpdates = 0;
            } else if (++goodUpdates >= growthInterval) {
                scale *= 2;
                goodUpdates = 0;
            }
        }

        public int goodUpdates() {
            return goodUpdates;
        }

        public void restore(double scale, int goodUpdates) {
            this.scale = scale;
            this.goodUpdates = goodUpdates;
        }
    }
}
