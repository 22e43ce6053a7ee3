package org.unimoj.tasks.engine.predict;

/**
 * How {@link TaskPredictor} splits its work.
 *
 * @param maxBatch inputs per encoder pass (for generation, inputs times beam size per search)
 * @param workers  lanes (threads) chunks are spread over; one per core
 */
public record PredictorSettings(int maxBatch, int workers) {

    public PredictorSettings {
        if (maxBatch < 1 || workers < 1) {
            throw new IllegalArgumentException("maxBatch and workers must be >= 1, got " + maxBatch + " and " + workers);
        }
    }

    /** 64 inputs per pass, two workers. */
    public static PredictorSettings defaults() {
        return new PredictorSettings(64, 2);
    }
}
