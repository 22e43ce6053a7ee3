package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.augment.OfflinePairs;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;

/**
 * Pairs with the offline augmentation job's positives, hard negatives and related images and texts
 * (read from {@code unimo.pretrain.augment.offline.file}; the job runs first when it is missing).
 */
public final class OfflineAugmentationModule extends AbstractModule {

    @Provides
    @Singleton
    PairAugmentation augmentation(PretrainContext c) {
        return new OfflinePairs(c);
    }
}
