package org.unimoj.tasks.engine.heads;

import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.tasks.engine.batch.TaskBatch;

/**
 * A head built from a {@link HeadSpec} on top of the encoder: its layers (parameters named
 * {@code task.head.*}; the generation head reuses the model's tied {@code lm_head.*}), its loss and
 * its metric.
 */
public sealed interface TaskHead permits PooledHead, GenerateHead {

    /** The prefix of every parameter a head creates. */
    String PREFIX = "task.head";

    HeadSpec spec();

    /** The name of the head's per-batch metric ({@code accuracy}, {@code soft_score}, ...). */
    String metricName();

    /**
     * The head's loss and metric on {@code batch}, whose encoder pass is {@code pass}. With
     * {@code backward}, adds {@code gradScale} times the loss's gradient to the head's parameter
     * gradients and returns the (scaled) gradients of the encoder outputs the head read.
     *
     * @param random the step's randomness (dropout), or null to evaluate
     */
    HeadOutcome run(EncoderPass pass, TaskBatch batch, StepRandom random, double gradScale, boolean backward);

    /**
     * Registers the head of {@code spec} in {@code store} (before it is allocated).
     *
     * @param lm the model's LM head, needed by {@link HeadSpec.Generate} only
     */
    static TaskHead create(HeadSpec spec, ParameterStore store, UnimoConfig config, LmHead lm) {
        if (spec instanceof HeadSpec.Classify c) {
            return new ClassifyHead(c, store, config);
        }
        if (spec instanceof HeadSpec.Regress r) {
            return new RegressHead(r, store, config);
        }
        if (spec instanceof HeadSpec.Rank r) {
            return new RankHead(r, store, config);
        }
        if (lm == null) {
            throw new IllegalArgumentException("a Generate head needs the model's LM head");
        }
        return new GenerateHead((HeadSpec.Generate) spec, lm);
    }

    /** Label smoothing must lie in [0, 1). */
    static double checkSmoothing(float s) {
        if (!(s >= 0f && s < 1f)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + s);
        }
        return s;
    }
}
