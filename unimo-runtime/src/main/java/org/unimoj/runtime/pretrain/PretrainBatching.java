package org.unimoj.runtime.pretrain;

import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.runtime.train.BatchAssembler;

/** How the streams are mixed into batches; bound by the pipeline's batching module. */
public interface PretrainBatching {

    String describe();

    BatchAssembler<PretrainExample, PretrainBatch> assembler(PretrainContext context);
}
