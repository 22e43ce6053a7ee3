package org.unimoj.augment.retrieve;

import java.util.Arrays;
import java.util.BitSet;
import org.unimoj.api.data.RegionFeatures;

/**
 * The objects a detector found in an image, from the class distributions of its regions: each
 * region's most probable class (not the background, class 0), when its probability reaches
 * {@code minConfidence}; classes in {@code ignored} (context classes such as sky or grass) are left
 * out. The result is a sorted set of class indices.
 */
public final class DetectedObjects {

    private DetectedObjects() {}

    public static int[] of(RegionFeatures r, double minConfidence, BitSet ignored) {
        if (!r.hasClassProbs()) {
            throw new IllegalArgumentException("image " + r.imageId() + ": the features have no class distributions (cls_prob)");
        }
        int k = r.numClasses();
        float[] p = r.classProbs();
        BitSet found = new BitSet(k);
        for (int b = 0; b < r.numBoxes(); b++) {
            int best = -1;
            float bestP = -1;
            for (int c = 1; c < k; c++) {
                float x = p[b * k + c];
                if (x > bestP) {
                    bestP = x;
                    best = c;
                }
            }
            if (best > 0 && bestP >= minConfidence && (ignored == null || !ignored.get(best))) {
                found.set(best);
            }
        }
        int[] out = found.stream().toArray();
        Arrays.sort(out);
        return out;
    }
}
