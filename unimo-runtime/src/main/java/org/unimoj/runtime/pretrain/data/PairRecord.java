package org.unimoj.runtime.pretrain.data;

import java.util.Objects;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.RegionFeatures;

/** An image-text pair as the loader reads it: a caption and its image's regions. */
public record PairRecord(Caption caption, RegionFeatures image) {
    public PairRecord {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(image, "image");
    }
}
