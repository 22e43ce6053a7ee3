package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;
import org.unimoj.runtime.pretrain.augment.PlainPairs;

/** Pairs without augmentation: CMCL with in-batch negatives only. */
public final class NoAugmentationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PairAugmentation.class).to(PlainPairs.class);
    }
}
