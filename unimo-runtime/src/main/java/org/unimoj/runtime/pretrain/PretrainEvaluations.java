package org.unimoj.runtime.pretrain;

import java.util.List;
import org.unimoj.runtime.pretrain.step.PretrainSnapshot;
import org.unimoj.runtime.train.Evaluation;

/**
 * The held-out evaluations of a run: periodic ones during training and final ones on the last
 * snapshot; bound by the pipeline's evaluation module.
 */
public interface PretrainEvaluations {

    List<Evaluation<PretrainSnapshot>> periodic(PretrainContext context);

    List<Evaluation<PretrainSnapshot>> last(PretrainContext context);
}
