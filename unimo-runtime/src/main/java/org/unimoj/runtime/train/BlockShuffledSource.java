package org.unimoj.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.unimoj.model.nn.SeedMixer;

/**
 * Turns a source read in file order into an endless, shuffled, resumable stream: each epoch reads
 * the source again, cuts it into blocks of {@code blockSize} slots and shuffles every block with a
 * generator seeded by (seed, epoch, block). Memory holds one block, so sources of any size stream;
 * records move at most one block away from their place in the file (make the block larger than
 * the run of records that should not meet in one batch, e.g. the captions of one image).
 *
 * <p>Opening at slot {@code k} reads (without shuffling) the blocks before the one holding
 * {@code k}, so a resumed run sees exactly the slots an unbroken run would.
 *
 * @param <R> the record type
 */
public final class BlockShuffledSource<R> implements SlotSource<R> {

    private final String name;
    private final String description;
    private final Supplier<EpochStream<R>> epochs;
    private final int blockSize;
    private final long seed;
    /** Slots in one epoch, once a pass has reached the end (-1 before). */
    private volatile long epochLength = -1;

    /**
     * @param name        the stream's name
     * @param description where its records come from
     * @param epochs      opens a new pass over the source in file order
     * @param blockSize   slots shuffled together (1 keeps the file order)
     * @param seed        the run's seed
     */
    public BlockShuffledSource(String name, String description, Supplier<EpochStream<R>> epochs, int blockSize, long seed) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
        this.blockSize = blockSize;
        this.seed = seed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** Slots per epoch, or -1 while no pass has reached the end of the source. */
    @Override
    public long epochLength() {
        return epochLength;
    }

    @Override
    public Cursor<R> open(long from) {
        if (from < 0) {
            throw new IllegalArgumentException("slot " + from + " < 0");
        }
        return new ShuffledCursor(from);
    }

    private final class ShuffledCursor implements Cursor<R> {
        private long epoch;
        /** Global index of the current epoch's first slot. */
        private long epochStart;
        private EpochStream<R> stream;
        private int blockNumber;
        /** Epoch-relative index of the current block's first slot. */
        private long blockStart;
        private List<Slot<R>> block = List.of();
        private int position;
        private boolean endOfEpoch;

        ShuffledCursor(long from) {
            long known = epochLength;
            if (known > 0 && from >= known) {
                epoch = from / known;
                epochStart = epoch * known;
            }
            // Read blocks until the one holding slot `from`, shuffling only that one.
            while (true) {
                List<Slot<R>> raw = readBlock();
                if (raw == null) {
                    continue; // next epoch started
                }
                long first = epochStart + blockStart;
                if (from < first + raw.size()) {
                    block = shuffle(raw);
                    position = (int) (from - first);
                    return;
                }
                blockStart += raw.size();
                blockNumber++;
            }
        }

        /** The next raw block of the current epoch, or null when the epoch ended (the next one is then set up). */
        private List<Slot<R>> readBlock() {
            if (stream == null) {
                stream = epochs.get();
                blockNumber = 0;
                blockStart = 0;
                endOfEpoch = false;
            }
            List<Slot<R>> raw = new ArrayList<>(Math.min(blockSize, 4096));
            while (!endOfEpoch && raw.size() < blockSize) {
                Slot<R> s = stream.next();
                if (s == null) {
                    endOfEpoch = true;
                } else {
                    raw.add(s);
                }
            }
            if (raw.isEmpty()) {
                long length = blockStart;
                stream.close();
                stream = null;
                if (length == 0) {
                    throw new IllegalStateException(description + ": the source has no records");
                }
                epochLength = length;
                epoch++;
                epochStart += length;
                return null;
            }
            return raw;
        }

        private List<Slot<R>> shuffle(List<Slot<R>> raw) {
            List<Slot<R>> b = new ArrayList<>(raw);
            SplittableRandom rnd = new SplittableRandom(SeedMixer.mix(SeedMixer.mix(SeedMixer.mix(seed, name), epoch), blockNumber));
            for (int i = b.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Slot<R> t = b.get(i);
                b.set(i, b.get(j));
                b.set(j, t);
            }
            return b;
        }

        @Override
        public Slot<R> next() {
            while (position == block.size()) {
                blockStart += block.size();
                blockNumber++;
                List<Slot<R>> raw = readBlock();
                block = raw == null ? List.of() : shuffle(raw);
                position = 0;
            }
            Slot<R> s = block.get(position);
            long index = epochStart + blockStart + position;
            position++;
            return s.at(index);
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
