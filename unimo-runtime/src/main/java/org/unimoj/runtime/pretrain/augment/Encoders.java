package org.unimoj.runtime.pretrain.augment;

import java.util.Arrays;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.text.TextEncoder;

/**
 * How records become model input: text to {@code [CLS] ids [SEP]} cut to the model's length,
 * images cut to the model's number of regions (the first ones: detectors list regions by
 * confidence).
 *
 * @param tokenizer     the run's tokenizer
 * @param maxTextLength ids per text at most, specials included
 * @param maxRegions    regions per image at most
 */
public record Encoders(TextEncoder tokenizer, int maxTextLength, int maxRegions) {

    public int[] text(String s) {
        return tokenizer.encodeSingle(s, maxTextLength);
    }

    public RegionFeatures image(RegionFeatures f) {
        if (f.numBoxes() <= maxRegions) {
            return f;
        }
        int n = maxRegions;
        return new RegionFeatures(f.imageId(), f.imageWidth(), f.imageHeight(), n, f.featureDim(), Arrays.copyOf(f.boxes(), n * 4),
                Arrays.copyOf(f.features(), n * f.featureDim()), f.numClasses(),
                f.hasClassProbs() ? Arrays.copyOf(f.classProbs(), n * f.numClasses()) : new float[0]);
    }
}
