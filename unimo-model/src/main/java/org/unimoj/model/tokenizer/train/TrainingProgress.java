package org.unimoj.model.tokenizer.train;

/** What the trainer reports while it works; both methods are called often, so keep them cheap. */
public interface TrainingProgress {

    /** Counting words: {@code bytesRead} of {@code totalBytes} (-1 if unknown) read, {@code distinctWords} so far. */
    default void reading(long bytesRead, long totalBytes, int distinctWords) {}

    /** Learning merges: the vocabulary has {@code entries} of the {@code target} entries. */
    default void merging(int entries, int target) {}

    TrainingProgress NONE = new TrainingProgress() {};
}
