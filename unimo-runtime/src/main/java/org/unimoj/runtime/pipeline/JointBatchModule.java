package org.unimoj.runtime.pipeline;

import com.google.inject.AbstractModule;
import org.unimoj.runtime.pretrain.PretrainBatching;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.batch.JointBatchAssembler;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.runtime.train.BatchAssembler;

/** UNIMO's joint batches ({@link JointBatchAssembler}), mixed by the counts of {@code unimo.pretrain.batch}. */
public final class JointBatchModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PretrainBatching.class).toInstance(new PretrainBatching() {
            @Override
            public String describe() {
                return "joint (pairs for CMCL, joint MLM+MRM, captioning; corpus MLM; image MRM)";
            }

            @Override
            public BatchAssembler<PretrainExample, PretrainBatch> assembler(PretrainContext c) {
                return new JointBatchAssembler(c.settings().batch(), c.model(), c.tokenizer().maskId(), c.settings().seed());
            }
        });
    }
}
