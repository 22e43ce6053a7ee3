package org.unimoj.runtime.pretrain.augment;

import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/** No augmentation: each pair is its caption's ids and its image, with in-batch negatives only. */
public final class PlainPairs implements PairAugmentation {

    @Override
    public String describe() {
        return "none (in-batch negatives only)";
    }

    @Override
    public SlotTransform<PairRecord, PretrainExample> newTransform(Encoders encoders) {
        return new SlotTransform<>() {
            @Override
            public PretrainExample apply(PairRecord r, long slot, java.util.SplittableRandom random) {
                return PretrainExample.Pair.plain(r.caption().id(), encoders.image(r.image()), encoders.text(r.caption().text()));
            }

            @Override
            public String describe(PairRecord r) {
                return Describe.pair(r);
            }
        };
    }
}
