package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.EncoderPass;

/** A head on pooled vectors: Classify, Regress or Rank. */
public sealed interface PooledHead extends TaskHead permits ClassifyHead, RegressHead, RankHead {

    /**
     * The head's outputs for every row of the pass, without dropout: logits {@code [rows, classes]}
     * (Classify), values {@code [rows, 1]} (Regress) or scores {@code [rows, 1]} (Rank).
     */
    INDArray outputs(EncoderPass pass);
}
