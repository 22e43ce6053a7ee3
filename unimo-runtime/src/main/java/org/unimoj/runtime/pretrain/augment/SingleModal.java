package org.unimoj.runtime.pretrain.augment;

import java.util.SplittableRandom;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.TextRecord;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.SlotTransform;

/** The transforms of the single-modal streams: tokenize a corpus line; cut an image to the model's regions. */
public final class SingleModal {

    private SingleModal() {}

    public static SlotTransform<TextRecord, PretrainExample> texts(Encoders encoders) {
        return new SlotTransform<>() {
            @Override
            public PretrainExample apply(TextRecord r, long slot, SplittableRandom random) {
                return new PretrainExample.Text(r.id(), encoders.text(r.text()));
            }

            @Override
            public String describe(TextRecord r) {
                return r.id() + ": " + r.text();
            }
        };
    }

    public static SlotTransform<RegionFeatures, PretrainExample> images(Encoders encoders) {
        return new SlotTransform<>() {
            @Override
            public PretrainExample apply(RegionFeatures r, long slot, SplittableRandom random) {
                return new PretrainExample.Image(encoders.image(r));
            }

            @Override
            public String describe(RegionFeatures r) {
                return "image " + r.imageId();
            }
        };
    }
}
