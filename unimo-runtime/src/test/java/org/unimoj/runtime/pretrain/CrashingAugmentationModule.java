package org.unimoj.runtime.pretrain;

import com.google.inject.AbstractModule;
import java.util.SplittableRandom;
import org.unimoj.runtime.pretrain.augment.Describe;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;
import org.unimoj.runtime.pretrain.augment.PlainPairs;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/**
 * A pair augmentation that throws on the captions whose id ends in "3" (a tenth of them, in every
 * epoch), for the quarantine test; named in {@code unimo.pretrain.modules} after the default one.
 */
public final class CrashingAugmentationModule extends AbstractModule {

    static final String MESSAGE = "injected augmenter crash";

    @Override
    protected void configure() {
        bind(PairAugmentation.class).toInstance(new PairAugmentation() {
            @Override
            public String describe() {
                return "crashing on caption ids ending in 3 (test)";
            }

            @Override
            public SlotTransform<PairRecord, PretrainExample> newTransform(Encoders encoders) {
                SlotTransform<PairRecord, PretrainExample> plain = new PlainPairs().newTransform(encoders);
                return new SlotTransform<>() {
                    @Override
                    public PretrainExample apply(PairRecord r, long slot, SplittableRandom random) throws Exception {
                        if (r.caption().id().endsWith("3")) {
                            throw new IllegalStateException(MESSAGE + " on caption " + r.caption().id());
                        }
                        return plain.apply(r, slot, random);
                    }

                    @Override
                    public String describe(PairRecord r) {
                        return Describe.pair(r);
                    }
                };
            }
        });
    }
}
