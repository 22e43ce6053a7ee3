package org.unimoj.runtime.pretrain.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.unimoj.api.data.RegionFeatures;

/**
 * BERT's and UNIMO's input corruption. Masked LM: each text position except {@code [CLS]} and the
 * last {@code [SEP]} is chosen with probability p (at least one per text); a chosen id becomes
 * {@code [MASK]} 80% of the time, a random ordinary id 10%, and stays 10%; the model predicts the
 * original. Masked region modelling: each region is chosen with probability p (at least one per
 * image) and its feature vector zeroed; the model regresses the feature and predicts the detector's
 * class distribution.
 */
public final class Masking {

    /** Ids below this are special ({@code <s>, <pad>, </s>, <unk>}); {@code <mask>} is the last id. */
    static final int FIRST_ORDINARY_ID = 4;

    private Masking() {}

    /** A masked text: the corrupted ids and, per chosen position, the original id. */
    public record MaskedText(int[] ids, int[] positions, int[] labels) {}

    /** A masked image: the corrupted regions and the chosen region indexes. */
    public record MaskedImage(RegionFeatures image, int[] regions) {}

    public static MaskedText text(int[] ids, double p, int maskId, int vocabSize, SplittableRandom rnd) {
        int[] out = ids.clone();
        List<Integer> chosen = new ArrayList<>();
        int last = ids.length - 1; // [SEP]
        for (int i = 1; i < last; i++) {
            if (rnd.nextDouble() < p) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty() && last > 1) {
            chosen.add(1 + rnd.nextInt(last - 1));
        }
        int[] positions = new int[chosen.size()];
        int[] labels = new int[chosen.size()];
        for (int k = 0; k < positions.length; k++) {
            int i = chosen.get(k);
            positions[k] = i;
            labels[k] = ids[i];
            double r = rnd.nextDouble();
            if (r < 0.8) {
                out[i] = maskId;
            } else if (r < 0.9 && maskId > FIRST_ORDINARY_ID) {
                out[i] = FIRST_ORDINARY_ID + rnd.nextInt(maskId - FIRST_ORDINARY_ID);
            }
        }
        return new MaskedText(out, positions, labels);
    }

    public static MaskedImage image(RegionFeatures f, double p, SplittableRandom rnd) {
        int n = f.numBoxes();
        List<Integer> chosen = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (rnd.nextDouble() < p) {
                chosen.add(r);
            }
        }
        if (chosen.isEmpty() && n > 0) {
            chosen.add(rnd.nextInt(n));
        }
        float[] feats = f.features().clone();
        int dim = f.featureDim();
        int[] regions = new int[chosen.size()];
        for (int k = 0; k < regions.length; k++) {
            regions[k] = chosen.get(k);
            java.util.Arrays.fill(feats, regions[k] * dim, (regions[k] + 1) * dim, 0f);
        }
        RegionFeatures masked = new RegionFeatures(f.imageId(), f.imageWidth(), f.imageHeight(), n, dim, f.boxes(), feats, f.numClasses(),
                f.classProbs());
        return new MaskedImage(masked, regions);
    }
}
