package org.unimoj.model.loss;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code KL(p || softmax(logits))} per row against a target distribution {@code p} (the
 * detector's class distribution in MRM), averaged over rows. Zero-probability classes add
 * nothing.
 */
public final class SoftTargetKl {

    private static final double TINY = 1e-30;

    private SoftTargetKl() {}

    /**
     * @param logits {@code [rows, classes]}
     * @param target {@code [rows, classes]}, each row a distribution
     */
    public static LossValue compute(INDArray logits, INDArray target) {
        if (!Arrays.equals(logits.shape(), target.shape())) {
            throw new IllegalArgumentException("KL of logits " + Arrays.toString(logits.shape()) + " against " + Arrays.toString(target.shape()));
        }
        long rows = logits.size(0);
        INDArray p = target.castTo(logits.dataType());
        INDArray logq = Nd4j.exec(new LogSoftMax(logits, Nd4j.createUninitialized(logits.dataType(), logits.shape())))[0];
        INDArray logp = Transforms.log(Transforms.max(p, TINY, true), false);
        double loss = p.mul(logp.subi(logq)).sumNumber().doubleValue() / rows;
        INDArray grad = logq;
        Nd4j.exec(new Exp(grad, grad));
        // d/dlogits of sum_c p_c (log p_c - log q_c) = q * sum(p) - p
        grad.muliColumnVector(p.sum(true, 1)).subi(p).divi(rows);
        return new LossValue(loss, grad, rows);
    }
}
