package org.unimoj.api.task;

/**
 * How a generation task decodes.
 *
 * @param beamSize          1 = greedy
 * @param lengthPenalty     alpha of ((5 + len) / 6)^alpha
 * @param minLength         tokens before end-of-sequence is allowed
 * @param maxLength         tokens at most
 * @param noRepeatTrigrams  trigram blocking (summarization)
 */
public record GenerationSettings(int beamSize, double lengthPenalty, int minLength, int maxLength, boolean noRepeatTrigrams) {
    public GenerationSettings {
        if (beamSize < 1 || minLength < 0 || maxLength < 1 || minLength > maxLength) {
            throw new IllegalArgumentException("bad generation settings: beam=" + beamSize + " min=" + minLength + " max=" + maxLength);
        }
    }

    /** The paper's captioning setting: beam 5, length penalty 0.6. */
    public static GenerationSettings paperDefault(int minLength, int maxLength) {
        return new GenerationSettings(5, 0.6, minLength, maxLength, false);
    }
}
