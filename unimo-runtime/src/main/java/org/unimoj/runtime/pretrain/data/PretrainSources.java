package org.unimoj.runtime.pretrain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.TextRecord;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.features.FeatureChecks;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.Shard;
import org.unimoj.runtime.train.BlockShuffledSource;
import org.unimoj.runtime.train.MappedSource;
import org.unimoj.runtime.train.RecordReaderStream;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotSource;

/**
 * The three streams of pre-training, each block-shuffled by the run's seed:
 * <ul>
 *   <li>{@value #PAIRS}: every caption of the pairs split of a Karpathy file, joined with its image's
 *       region features (looked up by id in the features file; an image without features is a bad
 *       record);</li>
 *   <li>{@value #TEXTS}: the lines of the text corpus;</li>
 *   <li>{@value #IMAGES}: the images of the image-only collection.</li>
 * </ul>
 * Bad records follow the read policy: {@code fail} stops the run with file, line and field; {@code
 * skip} puts them in the quarantine file and leaves a gap in the stream.
 */
public final class PretrainSources implements AutoCloseable {

    public static final String PAIRS = "pairs";
    public static final String TEXTS = "texts";
    public static final String IMAGES = "images";

    private final DataFiles files;
    private final ReadOptions options;
    private final Quarantine quarantine;
    private final FeatureStore pairFeatures;
    private final int blockSize;
    private final long seed;

    public PretrainSources(DataFiles files, ReadPolicy policy, Quarantine quarantine, int blockSize, long seed) {
        this(files, policy, quarantine, blockSize, seed, Shard.ALL);
    }

    /** The streams of one shard of the files (a cluster member's part: the readers' shard i of n); the pairs' feature lookup sees every image. */
    public PretrainSources(DataFiles files, ReadPolicy policy, Quarantine quarantine, int blockSize, long seed, Shard shard) {
        this.files = files;
        this.quarantine = quarantine;
        this.options = new ReadOptions(policy, quarantine, shard);
        this.blockSize = blockSize;
        this.seed = seed;
        this.pairFeatures = FeatureStore.open(files.pairFeatures(), new ReadOptions(policy, quarantine, Shard.ALL), FeatureChecks.defaults());
    }

    public DataFiles files() {
        return files;
    }

    /** The feature dimension of the pairs' images. */
    public int featureDim() {
        return pairFeatures.featureDim();
    }

    public SlotSource<PairRecord> pairs() {
        Split split = Split.parse(files.pairsSplit());
        Path captions = files.captions();
        SlotSource<Caption> captionSlots = new BlockShuffledSource<>(PAIRS, captions.toString(),
                () -> new RecordReaderStream<>(KarpathyJsonReader.open(captions, options), img -> img.split() == split ? img.captions() : List.of()),
                blockSize, seed);
        return new MappedSource<>(captionSlots, this::join);
    }

    private Slot<PairRecord> join(Slot.Filled<Caption> slot) {
        Caption c = slot.value();
        try {
            Optional<RegionFeatures> f = pairFeatures.find(c.imageId());
            if (f.isPresent()) {
                return new Slot.Filled<>(slot.index(), new PairRecord(c, f.get()));
            }
            String reason = "caption " + c.id() + ": image " + c.imageId() + " has no region features in " + files.pairFeatures();
            if (options.policy() == ReadPolicy.FAIL) {
                throw new DataError(files.captions(), 0, "image_id", reason);
            }
            quarantine.add(files.captions(), 0, "image_id", reason, c.id() + "\t" + c.imageId() + "\t" + c.text());
            return new Slot.Empty<>(slot.index(), reason);
        } catch (DataError e) {
            if (options.policy() == ReadPolicy.FAIL) {
                throw e;
            }
            quarantine.add(e.file(), e.line(), e.field(), e.reason(), "features of image " + c.imageId());
            return new Slot.Empty<>(slot.index(), e.getMessage());
        }
    }

    public SlotSource<TextRecord> texts() {
        Path corpus = files.corpus();
        return new BlockShuffledSource<>(TEXTS, corpus.toString(),
                () -> new RecordReaderStream<>(TextCorpusReader.open(corpus, options), List::of), blockSize, seed);
    }

    public SlotSource<RegionFeatures> images() {
        Path images = files.images();
        return new BlockShuffledSource<>(IMAGES, images.toString(),
                () -> new RecordReaderStream<>(FeatureTsvReader.open(images, options), List::of), blockSize, seed);
    }

    @Override
    public void close() {
        pairFeatures.close();
    }
}
