package org.unimoj.tasks.support;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.features.FeatureChecks;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;

/**
 * The region features of images by id, from one or more bottom-up-attention TSV files, each
 * indexed once on first use ({@link FeatureStore}), each image cut to its first {@code maxRegions}
 * regions (the files list regions by detector confidence). Thread-safe.
 */
public final class RegionLookup implements AutoCloseable {

    private final int maxRegions;
    private final ReadOptions options;
    private final Map<Path, FeatureStore> stores = new HashMap<>();

    public RegionLookup(int maxRegions, ReadOptions options) {
        if (maxRegions < 1) {
            throw new IllegalArgumentException("maxRegions must be >= 1, got " + maxRegions);
        }
        this.maxRegions = maxRegions;
        this.options = options;
    }

    /** The feature file {@code file}, indexed on first use. */
    public synchronized FeatureStore store(Path file) {
        return stores.computeIfAbsent(file.toAbsolutePath().normalize(), f -> FeatureStore.open(f, options, FeatureChecks.defaults()));
    }

    /** The ids of {@code file}, for a reader's id check. */
    public KnownIds ids(Path file) {
        return KnownIds.of(store(file).ids(), file.toString());
    }

    /** The regions of {@code imageId} in {@code file}, cut to {@code maxRegions}; an unknown id is a {@code DataError}. */
    public RegionFeatures get(Path file, String imageId) {
        return cap(store(file).get(imageId), maxRegions);
    }

    /**
     * The regions of {@code imageId} from the first of {@code files} that has it (a task whose
     * examples do not say their split looks in every split's file); cut to {@code maxRegions}.
     */
    public RegionFeatures find(List<Path> files, String imageId) {
        for (Path f : files) {
            FeatureStore s = store(f);
            if (s.contains(imageId)) {
                return cap(s.get(imageId), maxRegions);
            }
        }
        throw new DataError(files.get(0), 0, "image_id", "unknown image id '" + imageId + "' (not in " + files + ")");
    }

    public int maxRegions() {
        return maxRegions;
    }

    /** {@code f} with at most {@code n} regions (the first ones). */
    public static RegionFeatures cap(RegionFeatures f, int n) {
        if (f.numBoxes() <= n) {
            return f;
        }
        float[] probs = f.hasClassProbs() ? Arrays.copyOf(f.classProbs(), n * f.numClasses()) : new float[0];
        return new RegionFeatures(f.imageId(), f.imageWidth(), f.imageHeight(), n, f.featureDim(), Arrays.copyOf(f.boxes(), n * 4),
                Arrays.copyOf(f.features(), n * f.featureDim()), f.hasClassProbs() ? f.numClasses() : 0, probs);
    }

    /** The mean of an image's region features: a whole-image descriptor for nearest-neighbour baselines. */
    public static float[] meanFeature(RegionFeatures f) {
        float[] m = new float[f.featureDim()];
        float[] x = f.features();
        for (int r = 0; r < f.numBoxes(); r++) {
            for (int d = 0; d < m.length; d++) {
                m[d] += x[r * m.length + d];
            }
        }
        for (int d = 0; d < m.length; d++) {
            m[d] /= Math.max(1, f.numBoxes());
        }
        return m;
    }

    @Override
    public synchronized void close() {
        stores.values().forEach(FeatureStore::close);
        stores.clear();
    }
}
