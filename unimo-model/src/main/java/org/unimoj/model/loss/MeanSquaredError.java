package org.unimoj.model.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code mean((prediction - target)^2)} over all elements, as PyTorch's {@code mse_loss}. */
public final class MeanSquaredError {

    private MeanSquaredError() {}

    public static LossValue compute(INDArray prediction, INDArray target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("MSE of " + Arrays.toString(prediction.shape()) + " against " + Arrays.toString(target.shape()));
        }
        long n = prediction.length();
        INDArray diff = prediction.sub(target.castTo(prediction.dataType()));
        double loss = diff.norm2Number().doubleValue();
        loss = loss * loss / n;
        return new LossValue(loss, diff.muli(2.0 / n), n);
    }
}
