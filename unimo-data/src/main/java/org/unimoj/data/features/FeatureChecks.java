package org.unimoj.data.features;

/**
 * What a feature reader checks beyond the format itself.
 *
 * @param featureDim       the expected feature dimension, or 0 to take the first record's and hold every
 *                         other record to it
 * @param numClasses       the expected class-distribution length, or 0 to take the first record's
 * @param probTolerance    how far a region's class probabilities may sum from 1
 * @param boxTolerance     how far (pixels) a box may reach outside the image (detectors round)
 * @param rejectDuplicates whether an image id seen before in the file is a bad record (costs 16 bytes per
 *                         record of memory: a set of 64-bit hashes)
 */
public record FeatureChecks(int featureDim, int numClasses, double probTolerance, double boxTolerance, boolean rejectDuplicates) {

    public FeatureChecks {
        if (featureDim < 0 || numClasses < 0 || probTolerance <= 0 || boxTolerance < 0) {
            throw new IllegalArgumentException("bad feature checks " + featureDim + " " + numClasses + " " + probTolerance + " " + boxTolerance);
        }
    }

    /** Dimensions inferred from the first record, probabilities within 0.01 of 1, boxes within 1 pixel, duplicates rejected. */
    public static FeatureChecks defaults() {
        return new FeatureChecks(0, 0, 0.01, 1.0, true);
    }

    public FeatureChecks withFeatureDim(int dim) {
        return new FeatureChecks(dim, numClasses, probTolerance, boxTolerance, rejectDuplicates);
    }

    public FeatureChecks withNumClasses(int classes) {
        return new FeatureChecks(featureDim, classes, probTolerance, boxTolerance, rejectDuplicates);
    }

    public FeatureChecks withDuplicates(boolean reject) {
        return new FeatureChecks(featureDim, numClasses, probTolerance, boxTolerance, reject);
    }
}
