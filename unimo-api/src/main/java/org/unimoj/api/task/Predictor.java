package org.unimoj.api.task;

import java.util.List;

/**
 * A trained model with a task's head, as a task's evaluation sees it. Every call takes a batch;
 * the engine splits it as memory allows. Results are in input order.
 */
public interface Predictor {

    /** The head's prediction for each input ({@link Prediction.Classes}, {@link Prediction.Value} or {@link Prediction.Score}). */
    List<Prediction> predict(List<ModelInput> inputs);

    /** Decodes each input's target with the task's {@link GenerationSettings}. */
    List<Prediction.Text> generate(List<ModelInput> inputs);

    /**
     * The L2-normalised pooled vector of each single-modal input in the contrastive (CMCL) space:
     * pooled text for text-only input, pooled image for image-only input. Used for fast first-stage
     * retrieval.
     */
    List<float[]> embed(List<ModelInput> inputs);
}
