package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.data.PretrainSources;

/** Pre-training data: the pairs, texts and images streams of {@link PretrainSources}. */
public final class PretrainDataModule extends AbstractModule {

    @Provides
    @Singleton
    PretrainSources sources(PretrainContext c) {
        return new PretrainSources(c.files(), c.settings().readPolicy(), c.quarantine(), c.settings().data().blockSize(), c.settings().seed());
    }
}
