package org.unimoj.runtime.train;

import java.util.SplittableRandom;

/**
 * What an augmenter does to one record (rewrite, retrieve, tokenize...). It may throw: the
 * augmenter running it is then restarted by its supervisor and the record quarantined with the
 * exception as the reason. A transform is created per augmenter (and again after a restart), so it
 * need not be thread-safe. All randomness comes from {@code random}, which is seeded by
 * (run seed, stream, slot index): the output does not depend on which augmenter ran it, or when.
 *
 * @param <I> the record type read
 * @param <O> the record type made
 */
@FunctionalInterface
public interface SlotTransform<I, O> {

    O apply(I record, long slot, SplittableRandom random) throws Exception;

    /** A short description of {@code record} for a quarantine entry (the record's id, say). */
    default String describe(I record) {
        return String.valueOf(record);
    }
}
