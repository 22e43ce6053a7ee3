package org.unimoj.model.tokenizer.train;

/**
 * What to train.
 *
 * @param vocabSize        entries in the vocabulary, the 5 specials and 256 bytes included
 * @param minFrequency     a pair seen fewer times than this is never merged (the vocabulary then
 *                         stays smaller than asked, and the trainer says so)
 * @param maxDistinctWords distinct words kept while counting; past it the rarest are dropped
 *                         (this bounds memory on corpora of any size)
 */
public record TrainerSettings(int vocabSize, int minFrequency, int maxDistinctWords) {

    /** 4 leading specials + 256 bytes + {@code <mask>}. */
    public static final int MIN_VOCAB_SIZE = 4 + 256 + 1;

    public TrainerSettings {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new IllegalArgumentException("vocab size must be at least " + MIN_VOCAB_SIZE
                    + " (4 specials, 256 bytes, <mask>), got " + vocabSize);
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("min frequency must be at least 1, got " + minFrequency);
        }
        if (maxDistinctWords < 1000) {
            throw new IllegalArgumentException("max distinct words must be at least 1000, got " + maxDistinctWords);
        }
    }

    public static TrainerSettings of(int vocabSize) {
        return new TrainerSettings(vocabSize, 2, 8_000_000);
    }

    public TrainerSettings withMinFrequency(int f) {
        return new TrainerSettings(vocabSize, f, maxDistinctWords);
    }

    public TrainerSettings withMaxDistinctWords(int n) {
        return new TrainerSettings(vocabSize, minFrequency, n);
    }
}
