package org.unimoj.api.task;

/** What a trained head says about one input. */
public sealed interface Prediction {

    /** Class probabilities (softmax, or sigmoid scores for soft-label heads). */
    record Classes(float[] probabilities) implements Prediction {
        public int argmax() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** A regressed value. */
    record Value(float value) implements Prediction {}

    /** A ranking score (higher = better match). */
    record Score(float score) implements Prediction {}

    /** A generated sequence and its text. */
    record Text(int[] ids, String text, double logProbability) implements Prediction {}
}
