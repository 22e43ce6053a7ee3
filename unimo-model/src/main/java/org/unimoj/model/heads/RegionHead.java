package org.unimoj.model.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;

/**
 * Masked region modelling: {@code Linear(H, featureDim)} regresses a masked region's feature
 * ({@code unimo.mrm.feature}), {@code Linear(H, classes)} predicts its object class
 * ({@code unimo.mrm.classifier}, absent when the model has no classes).
 */
public final class RegionHead {

    private final Linear feature;
    private final Linear classifier;

    public RegionHead(ParameterStore store, int hidden, int featureDim, int classes, double initStd) {
        this.feature = new Linear(store, "unimo.mrm.feature", hidden, featureDim, true, initStd);
        this.classifier = classes > 0 ? new Linear(store, "unimo.mrm.classifier", hidden, classes, true, initStd) : null;
    }

    public boolean hasClassifier() {
        return classifier != null;
    }

    /** Predicted features {@code [m, featureDim]} of rows {@code [m, hidden]}. */
    public INDArray features(INDArray rows) {
        return feature.forward(rows);
    }

    /** Adds the regression layer's gradients and returns the rows' gradient. */
    public INDArray featuresBackward(INDArray rows, INDArray dPredicted) {
        return feature.backward(rows, dPredicted);
    }

    /** Class logits {@code [m, classes]}. */
    public INDArray classLogits(INDArray rows) {
        requireClassifier();
        return classifier.forward(rows);
    }

    public INDArray classLogitsBackward(INDArray rows, INDArray dLogits) {
        requireClassifier();
        return classifier.backward(rows, dLogits);
    }

    private void requireClassifier() {
        if (classifier == null) {
            throw new IllegalStateException("the model has no region classes (regionClasses = 0)");
        }
    }
}
