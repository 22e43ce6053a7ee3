package org.unimoj.runtime.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.unimoj.data.io.RecordReader;

/**
 * One epoch of a unimo-data {@link RecordReader} as slots: each record becomes the slots
 * {@code expand} makes of it (a Karpathy image gives one slot per caption of the wanted split; an
 * empty list gives none), and each record the reader quarantined (read policy {@code skip}) becomes
 * one {@link Slot.Empty}, found from the reader's counts, so the records after it keep their
 * positions.
 *
 * @param <T> what the reader yields
 * @param <R> the slot record type
 */
public final class RecordReaderStream<T, R> implements EpochStream<R> {

    private final RecordReader<T> reader;
    private final Function<T, List<R>> expand;
    private final Deque<Slot<R>> pending = new ArrayDeque<>();
    private long index;
    private long quarantinedSeen;
    private boolean done;

    public RecordReaderStream(RecordReader<T> reader, Function<T, List<R>> expand) {
        this.reader = reader;
        this.expand = expand;
    }

    @Override
    public Slot<R> next() {
        while (pending.isEmpty()) {
            if (done) {
                return null;
            }
            // hasNext() reads up to the next good record; the counts then include the bad ones before it
            boolean more = reader.hasNext();
            long q = reader.counts().quarantined();
            for (long i = quarantinedSeen; i < q; i++) {
                pending.add(new Slot.Empty<>(0, "rejected by the reader of " + reader.file() + " (the quarantine file has the line and field)"));
            }
            quarantinedSeen = q;
            if (!more) {
                done = true;
                continue;
            }
            for (R r : expand.apply(reader.next())) {
                pending.add(new Slot.Filled<>(0, r));
            }
        }
        return pending.poll().at(index++);
    }

    @Override
    public void close() {
        reader.close();
    }
}
