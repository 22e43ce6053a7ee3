package org.unimoj.runtime.train;

import java.util.List;
import java.util.Map;

/**
 * Makes training batches from the records of the streams. The batcher hands it, for step
 * {@code step}, exactly {@link #demand()} records of each stream in slot order (gaps removed);
 * everything random in the batch must come from {@code (seed, step)}, so that batch {@code step} is
 * the same in a run that was resumed.
 *
 * @param <R> the record type of the streams
 * @param <B> the batch type
 */
public interface BatchAssembler<R, B> {

    /** Records each stream contributes to one batch (streams not named contribute none). */
    Map<String, Integer> demand();

    /** The batch of {@code step} from its records, keyed by stream. */
    Assembled<B> assemble(long step, Map<String, List<R>> records);

    /**
     * An assembled batch.
     *
     * @param batch    what the training step consumes
     * @param examples examples in it (for examples/s)
     */
    record Assembled<B>(B batch, int examples) {}
}
