package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.augment.OnTheFlyPairs;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;

/**
 * Pairs augmented by the augmenter actors as they pass: the rewriters of
 * {@code unimo.pretrain.augment.rewriters} and retrieval of related images and texts, per record.
 */
public final class OnTheFlyAugmentationModule extends AbstractModule {

    @Provides
    @Singleton
    PairAugmentation augmentation(PretrainContext c) {
        return new OnTheFlyPairs(c);
    }
}
