package org.unimoj.data.features;

import java.nio.file.Path;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.LineReader;
import org.unimoj.data.io.LineRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams the images of a region-feature TSV, one {@link RegionFeatures} at a time, validating
 * each line: the field count, the numbers, base64 that decodes, decoded sizes that match
 * {@code num_boxes x 4}, {@code num_boxes x dim} and {@code num_boxes x classes}, finite values,
 * boxes inside the image, class probabilities that sum to about 1, and ids that are unique in the
 * file. Memory is bounded by the longest line. A first line starting with {@code image_id} or
 * {@code img_id} is taken as a header.
 *
 * <pre>{@code
 * try (FeatureTsvReader r = FeatureTsvReader.open(path, ReadOptions.failFast())) {
 *     while (r.hasNext()) { RegionFeatures f = r.next(); ... }
 *     System.out.println(r.counts());
 * }
 * }</pre>
 */
public final class FeatureTsvReader extends LineRecordReader<RegionFeatures> {

    private final FeatureLineParser parser;
    private final LongHashSet seen;

    private FeatureTsvReader(Path file, ReadOptions options, FeatureTsvLayout layout, FeatureChecks checks) {
        super(file, options);
        this.parser = new FeatureLineParser(layout, checks);
        this.seen = checks.rejectDuplicates() ? new LongHashSet() : null;
    }

    /** Opens {@code file}, inferring the layout from the first line and the dimensions from the first record. */
    public static FeatureTsvReader open(Path file, ReadOptions options) {
        return new FeatureTsvReader(file, options, null, FeatureChecks.defaults());
    }

    /** Opens {@code file} with a given layout (null: infer) and checks. */
    public static FeatureTsvReader open(Path file, ReadOptions options, FeatureTsvLayout layout, FeatureChecks checks) {
        return new FeatureTsvReader(file, options, layout, checks);
    }

    @Override
    protected boolean isHeader(LineReader line) {
        return FeatureLineParser.isHeader(line.buffer(), line.start(), line.end());
    }

    @Override
    protected RegionFeatures parseLine(byte[] b, int from, int to) throws RecordProblem {
        RegionFeatures f = parser.parse(b, from, to);
        if (seen != null && !seen.add(f.imageId())) {
            throw new RecordProblem("image_id", "duplicate image id '" + f.imageId() + "'");
        }
        return f;
    }

    /** The feature dimension, once the first record was read (0 before). */
    public int featureDim() {
        return parser.featureDim();
    }
}
