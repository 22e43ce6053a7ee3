package org.unimoj.model.generate;

/**
 * A generated continuation.
 *
 * @param tokens         the generated ids (ending with end-of-sequence when it finished)
 * @param logProbability sum of the tokens' log-probabilities
 * @param score          {@code logProbability / ((5 + length) / 6)^alpha}, what beam search ranks by
 */
public record Hypothesis(int[] tokens, double logProbability, double score) {

    /** GNMT's length penalty {@code ((5 + length) / 6)^alpha}. */
    public static double lengthPenalty(int length, double alpha) {
        return Math.pow((5.0 + length) / 6.0, alpha);
    }
}
