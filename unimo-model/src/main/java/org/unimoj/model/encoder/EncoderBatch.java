package org.unimoj.model.encoder;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.nn.Workspaces;

/**
 * A padded batch of encoder inputs in UNIMO's unified layout. Every row of the batch is
 * {@code [IMG] r1..rR | w1..wT}: a region part of {@link #regionSlots()} positions (0 when no
 * example has an image) and a text part of {@link #textLength()} positions. Text-only examples
 * leave their region part as padding, image-only examples their text part; padding is masked out
 * of attention. Flat row {@code b * seqLength() + position} addresses the encoder's outputs.
 *
 * <p>Built from API {@link ModelInput}s with {@link #of}, or directly from arrays (benchmarks,
 * the pre-training batcher).
 */
@SuppressWarnings("try")
public final class EncoderBatch {

    /** {@link #regionCount(int)} of an example without an image. */
    public static final int NO_IMAGE = -1;

    private final int batch;
    private final int textLength;
    private final int maxRegions;
    private final int[] textIds;
    private final int[] textLengths;
    private final int[] regionCounts;
    private final INDArray features;
    private final INDArray locations;
    private final AttentionKind[] kinds;
    private final int[] sourceLengths;
    private final boolean anyImage;

    /**
     * @param batch         examples
     * @param textLength    text positions per row (T)
     * @param textIds       {@code batch * T} ids, row-major; padding positions hold any valid id
     * @param textLengths   valid text ids per example (0 for image-only)
     * @param maxRegions    region positions per row without [IMG] (R)
     * @param regionCounts  valid regions per example, or {@link #NO_IMAGE}
     * @param features      {@code [batch, R, featureDim]}, zeros at padding (null when R = 0)
     * @param locations     {@code [batch, R, 5]} location features (x1/W, y1/H, x2/W, y2/H, area)
     * @param kinds         attention pattern per example
     * @param sourceLengths source text ids per example (for SEQ2SEQ and CAPTION; else the text length)
     */
    public EncoderBatch(int batch, int textLength, int[] textIds, int[] textLengths, int maxRegions, int[] regionCounts,
                        INDArray features, INDArray locations, AttentionKind[] kinds, int[] sourceLengths) {
        if (batch < 1 || textLength < 0 || maxRegions < 0) {
            throw new IllegalArgumentException("bad batch sizes: batch=" + batch + " text=" + textLength + " regions=" + maxRegions);
        }
        this.batch = batch;
        this.textLength = textLength;
        this.maxRegions = maxRegions;
        this.textIds = check("textIds", textIds, (long) batch * textLength);
        this.textLengths = check("textLengths", textLengths, batch);
        this.regionCounts = check("regionCounts", regionCounts, batch);
        this.kinds = Objects.requireNonNull(kinds, "kinds").clone();
        this.sourceLengths = check("sourceLengths", sourceLengths, batch);
        if (kinds.length != batch) {
            throw new IllegalArgumentException("kinds: expected " + batch + " entries, got " + kinds.length);
        }
        boolean image = false;
        for (int b = 0; b < batch; b++) {
            if (textLengths[b] < 0 || textLengths[b] > textLength) {
                throw new IllegalArgumentException("example " + b + ": text length " + textLengths[b] + " outside [0, " + textLength + "]");
            }
            if (sourceLengths[b] < 0 || sourceLengths[b] > textLengths[b]) {
                throw new IllegalArgumentException("example " + b + ": source length " + sourceLengths[b] + " outside [0, " + textLengths[b] + "]");
            }
            if (regionCounts[b] < NO_IMAGE || regionCounts[b] > maxRegions) {
                throw new IllegalArgumentException("example " + b + ": region count " + regionCounts[b] + " outside [-1, " + maxRegions + "]");
            }
            if (regionCounts[b] == NO_IMAGE && textLengths[b] == 0) {
                throw new IllegalArgumentException("example " + b + " has neither text nor image");
            }
            image |= regionCounts[b] != NO_IMAGE;
        }
        this.anyImage = image;
        if (maxRegions > 0) {
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(locations, "locations");
            if (features.rank() != 3 || features.size(0) != batch || features.size(1) != maxRegions) {
                throw new IllegalArgumentException("features must be [" + batch + ", " + maxRegions + ", dim], got " + Arrays.toString(features.shape()));
            }
            if (locations.rank() != 3 || locations.size(0) != batch || locations.size(1) != maxRegions || locations.size(2) != 5) {
                throw new IllegalArgumentException("locations must be [" + batch + ", " + maxRegions + ", 5], got " + Arrays.toString(locations.shape()));
            }
        }
        this.features = maxRegions > 0 ? features : null;
        this.locations = maxRegions > 0 ? locations : null;
    }

    private static int[] check(String what, int[] a, long expected) {
        Objects.requireNonNull(a, what);
        if (a.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " entries, got " + a.length);
        }
        return a.clone();
    }

    /**
     * Pads {@code inputs} into one batch. Text is padded with the config's pad id; regions with
     * zeros. Fails with a message naming the input when it does not fit the model.
     */
    public static EncoderBatch of(List<ModelInput> inputs, UnimoConfig config) {
        int n = inputs.size();
        if (n == 0) {
            throw new IllegalArgumentException("an encoder batch needs at least one input");
        }
        int t = 0;
        int r = 0;
        int dim = config.featureDim();
        for (int i = 0; i < n; i++) {
            ModelInput in = inputs.get(i);
            if (in.textIds().length > config.maxTextLength()) {
                throw new IllegalArgumentException("input " + i + ": " + in.textIds().length + " text ids, the model takes at most " + config.maxTextLength());
            }
            for (int id : in.textIds()) {
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("input " + i + ": token id " + id + " outside the vocabulary [0, " + config.vocabSize() + ")");
                }
            }
            t = Math.max(t, in.textIds().length);
            if (in.hasImage()) {
                RegionFeatures f = in.image();
                if (f.featureDim() != dim) {
                    throw new IllegalArgumentException("input " + i + " (image " + f.imageId() + "): feature length " + f.featureDim() + ", the model takes " + dim);
                }
                if (f.numBoxes() > config.maxRegions()) {
                    throw new IllegalArgumentException("input " + i + " (image " + f.imageId() + "): " + f.numBoxes() + " regions, the model takes at most " + config.maxRegions());
                }
                r = Math.max(r, f.numBoxes());
            }
        }
        int[] ids = new int[n * t];
        Arrays.fill(ids, config.padTokenId());
        int[] lengths = new int[n];
        int[] counts = new int[n];
        int[] sources = new int[n];
        AttentionKind[] kinds = new AttentionKind[n];
        float[] feats = new float[n * r * dim];
        float[] locs = new float[n * r * 5];
        for (int i = 0; i < n; i++) {
            ModelInput in = inputs.get(i);
            System.arraycopy(in.textIds(), 0, ids, i * t, in.textIds().length);
            lengths[i] = in.textIds().length;
            sources[i] = in.attention() == AttentionKind.BIDIRECTIONAL ? lengths[i] : in.sourceLength();
            kinds[i] = in.attention();
            if (in.hasImage()) {
                RegionFeatures f = in.image();
                counts[i] = f.numBoxes();
                System.arraycopy(f.features(), 0, feats, i * r * dim, f.numBoxes() * dim);
                for (int k = 0; k < f.numBoxes(); k++) {
                    System.arraycopy(f.locationFeature(k), 0, locs, (i * r + k) * 5, 5);
                }
            } else {
                counts[i] = NO_IMAGE;
            }
        }
        INDArray features = null;
        INDArray locations = null;
        if (r > 0) {
            // a batch outlives any step workspace it is built in
            try (MemoryWorkspace ignored = Workspaces.outside()) {
                features = Nd4j.createFromArray(feats).reshape('c', n, r, dim);
                locations = Nd4j.createFromArray(locs).reshape('c', n, r, 5);
            }
        }
        return new EncoderBatch(n, t, ids, lengths, r, counts, features, locations, kinds, sources);
    }

    /** Examples {@code [from, to)} as a batch of their own, with the same padding (no copies of the features). */
    public EncoderBatch slice(int from, int to) {
        if (from < 0 || to > batch || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of a batch of " + batch);
        }
        int n = to - from;
        INDArray f = null;
        INDArray l = null;
        if (maxRegions > 0) {
            f = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
            l = locations.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
        }
        return new EncoderBatch(n, textLength, Arrays.copyOfRange(textIds, from * textLength, to * textLength),
                Arrays.copyOfRange(textLengths, from, to), maxRegions, Arrays.copyOfRange(regionCounts, from, to), f, l,
                Arrays.copyOfRange(kinds, from, to), Arrays.copyOfRange(sourceLengths, from, to));
    }

    public int batchSize() {
        return batch;
    }

    /** Text positions per row (T). */
    public int textLength() {
        return textLength;
    }

    /** Region positions per row without [IMG] (R). */
    public int maxRegions() {
        return maxRegions;
    }

    /** Positions of the region part: {@code 1 + R} when any example has an image, else 0. */
    public int regionSlots() {
        return anyImage ? maxRegions + 1 : 0;
    }

    /** Positions per row: region part plus text part. */
    public int seqLength() {
        return regionSlots() + textLength;
    }

    public boolean hasImages() {
        return anyImage;
    }

    public boolean hasText() {
        return textLength > 0;
    }

    /** Flat row of text position {@code t} of example {@code b}. */
    public long textRow(int b, int t) {
        return (long) b * seqLength() + regionSlots() + t;
    }

    /** Flat row of region {@code r} (0-based, after [IMG]) of example {@code b}. */
    public long regionRow(int b, int r) {
        return (long) b * seqLength() + 1 + r;
    }

    /** Flat row of the [IMG] position of example {@code b}. */
    public long imageRow(int b) {
        return (long) b * seqLength();
    }

    public int[] textIds() {
        return textIds.clone();
    }

    public int textId(int b, int t) {
        return textIds[b * textLength + t];
    }

    public int textLength(int b) {
        return textLengths[b];
    }

    /** Valid regions of example {@code b}, or {@link #NO_IMAGE}. */
    public int regionCount(int b) {
        return regionCounts[b];
    }

    public AttentionKind kind(int b) {
        return kinds[b];
    }

    public int sourceLength(int b) {
        return sourceLengths[b];
    }

    /** {@code [batch, R, featureDim]}, or null without regions. */
    public INDArray features() {
        return features;
    }

    /** {@code [batch, R, 5]}, or null without regions. */
    public INDArray locations() {
        return locations;
    }

    /** The text ids as an int32 vector for the embedding lookup. */
    public INDArray textIdArray() {
        return Nd4j.createFromArray(textIds).castTo(DataType.INT32);
    }
}
