package org.unimoj.model.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy of {@code sigmoid(logits)} against targets in [0, 1] (soft labels such as
 * VQA's answer scores), averaged over all elements as PyTorch's
 * {@code binary_cross_entropy_with_logits}; the VQA convention (sum over answers, mean over
 * questions) is this times the number of classes. Computed in the stable form
 * {@code max(z, 0) - z y + log(1 + exp(-|z|))}.
 */
public final class SigmoidBinaryCrossEntropy {

    private SigmoidBinaryCrossEntropy() {}

    public static LossValue compute(INDArray logits, INDArray targets) {
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("BCE of logits " + Arrays.toString(logits.shape()) + " against " + Arrays.toString(targets.shape()));
        }
        long n = logits.length();
        INDArray y = targets.castTo(logits.dataType());
        INDArray softplus = Transforms.exp(Transforms.abs(logits, true).negi(), false);
        Transforms.log1p(softplus, false);
        double loss = Transforms.relu(logits, true).subi(logits.mul(y)).addi(softplus).sumNumber().doubleValue() / n;
        INDArray grad = Transforms.sigmoid(logits, true).subi(y).divi(n);
        return new LossValue(loss, grad, n);
    }
}
