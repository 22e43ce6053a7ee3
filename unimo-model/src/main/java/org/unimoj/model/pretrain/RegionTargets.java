package org.unimoj.model.pretrain;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Masked-region targets: region {@code regions[i]} (0-based, after [IMG]) of example
 * {@code examples[i]} was masked in the input; the head regresses its original feature and
 * predicts its class distribution.
 *
 * @param examples   example index per target
 * @param regions    region index per target
 * @param features   original features {@code [n, featureDim]}, or null to skip regression
 * @param classProbs detector class distributions {@code [n, classes]}, or null to skip class prediction
 */
public record RegionTargets(int[] examples, int[] regions, INDArray features, INDArray classProbs) {
    public RegionTargets {
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(regions, "regions");
        if (examples.length != regions.length) {
            throw new IllegalArgumentException("region targets: " + examples.length + " examples, " + regions.length + " regions");
        }
        if (features == null && classProbs == null) {
            throw new IllegalArgumentException("region targets need features, class distributions or both");
        }
        if (features != null && features.size(0) != examples.length) {
            throw new IllegalArgumentException("region targets: " + features.size(0) + " feature rows for " + examples.length + " targets");
        }
        if (classProbs != null && classProbs.size(0) != examples.length) {
            throw new IllegalArgumentException("region targets: " + classProbs.size(0) + " class rows for " + examples.length + " targets");
        }
        examples = examples.clone();
        regions = regions.clone();
    }

    public int size() {
        return examples.length;
    }

    /** The targets of examples {@code [from, to)}, renumbered from 0 (null when there are none). */
    public RegionTargets slice(int from, int to) {
        int n = 0;
        for (int e : examples) {
            if (e >= from && e < to) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        int[] ex = new int[n];
        int[] reg = new int[n];
        long[] rows = new long[n];
        int k = 0;
        for (int i = 0; i < examples.length; i++) {
            if (examples[i] >= from && examples[i] < to) {
                ex[k] = examples[i] - from;
                reg[k] = regions[i];
                rows[k++] = i;
            }
        }
        return new RegionTargets(ex, reg, features == null ? null : org.unimoj.model.nn.Tensors.gatherRows(features, rows),
                classProbs == null ? null : org.unimoj.model.nn.Tensors.gatherRows(classProbs, rows));
    }
}
