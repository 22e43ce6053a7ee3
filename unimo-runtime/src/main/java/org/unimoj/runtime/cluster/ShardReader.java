package org.unimoj.runtime.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotSource;
import org.unimoj.runtime.train.SlotTransform;

/**
 * Reads one shard of one stream once through (a cluster run is one pass over its data), as
 * examples: slot {@code i} of the shard's block-shuffled stream, augmented or tokenized by the
 * stream's transform with a generator seeded by (seed, stream, shard, i), so the same slot gives
 * the same example on any member. A record the transform fails on becomes a gap with the reason
 * (and a quarantine entry), as the single-process augmenters do. Not thread-safe.
 *
 * @param <R> the record type of the stream
 */
final class ShardReader<R> implements AutoCloseable {

    /** What a read returned: the slots from {@code from} on, and the shard's slot count once its end was reached (else -1). */
    record Read(List<Slot<PretrainExample>> slots, long end) {}

    /** Reports a record the transform failed on. */
    interface Failures {
        void failed(String stream, int shard, long slot, String record, Exception e);
    }

    private final String stream;
    private final int shard;
    private final SlotSource<R> source;
    private final SlotTransform<R, PretrainExample> transform;
    private final long seed;
    private final Failures failures;
    private SlotSource.Cursor<R> cursor;
    private long position = -1;
    private long end = -1;

    ShardReader(String stream, int shard, SlotSource<R> source, SlotTransform<R, PretrainExample> transform, long seed, Failures failures) {
        this.stream = stream;
        this.shard = shard;
        this.source = source;
        this.transform = transform;
        this.seed = seed;
        this.failures = failures;
    }

    /** Up to {@code count} slots from {@code from}, fewer at the shard's end. */
    Read read(long from, int count) {
        if (end >= 0 && from >= end) {
            return new Read(List.of(), end);
        }
        if (cursor == null || position != from) {
            close();
            try {
                cursor = source.open(from);
            } catch (IllegalStateException empty) {
                if (source.epochLength() < 0 && String.valueOf(empty.getMessage()).endsWith("the source has no records")) {
                    end = 0; // more shards than records: this one holds none
                    return new Read(List.of(), end);
                }
                throw empty;
            }
            position = from;
        }
        List<Slot<PretrainExample>> out = new ArrayList<>(count);
        while (out.size() < count) {
            Slot<R> s = cursor.next();
            long known = source.epochLength();
            if (known >= 0 && s.index() >= known) {
                end = known; // the next pass began: this shard is read through
                close();
                break;
            }
            position = s.index() + 1;
            out.add(apply(s));
        }
        return new Read(out, end);
    }

    private Slot<PretrainExample> apply(Slot<R> s) {
        if (s instanceof Slot.Filled<R> f) {
            SplittableRandom random = new SplittableRandom(SeedMixer.mix(SeedMixer.mix(seed, "augment:" + stream + "#" + shard), f.index()));
            try {
                return new Slot.Filled<>(f.index(), transform.apply(f.value(), f.index(), random));
            } catch (Exception e) {
                failures.failed(stream, shard, f.index(), transform.describe(f.value()), e);
                return new Slot.Empty<>(f.index(), stream + " shard " + shard + " slot " + f.index() + ": " + e);
            }
        }
        Slot.Empty<R> e = (Slot.Empty<R>) s;
        return new Slot.Empty<>(e.index(), e.reason());
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
            position = -1;
        }
    }
}
