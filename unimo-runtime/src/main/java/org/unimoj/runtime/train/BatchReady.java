package org.unimoj.runtime.train;

import java.util.Map;

/**
 * A batch on its way to the trainer.
 *
 * @param step     the update it is for (1-based)
 * @param batch    the batch
 * @param examples examples in it
 * @param position each stream's next slot after this batch (what a checkpoint after this step stores)
 * @param use      what each stream gave this batch
 */
public record BatchReady<B>(long step, B batch, int examples, DataPosition position, Map<String, StreamUse> use) {

    public BatchReady {
        use = Map.copyOf(use);
    }

    /**
     * What one stream gave one batch: its slots from {@code from} to {@code to} (exclusive), of which
     * {@code records} went into the batch and {@code gaps} were quarantined. {@code to - from ==
     * records + gaps} always.
     */
    public record StreamUse(long from, long to, long records, long gaps) {
        public StreamUse {
            if (to - from != records + gaps) {
                throw new IllegalArgumentException("slots " + from + ".." + to + " but " + records + " records + " + gaps + " gaps");
            }
        }
    }
}
