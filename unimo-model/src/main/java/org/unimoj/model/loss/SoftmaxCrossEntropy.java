package org.unimoj.model.loss;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax cross-entropy over rows of logits, averaged over the rows whose label is not the ignore
 * index. With label smoothing {@code e} the target is {@code (1 - e) onehot + e / classes}, as in
 * PyTorch's {@code cross_entropy(label_smoothing=e)}.
 */
public final class SoftmaxCrossEntropy {

    /** PyTorch's default ignore index. */
    public static final int IGNORE = -100;

    private SoftmaxCrossEntropy() {}

    public static LossValue compute(INDArray logits, int[] labels) {
        return compute(logits, labels, 0.0, IGNORE);
    }

    /**
     * @param logits         {@code [rows, classes]}
     * @param labels         one class per row, or {@code ignoreIndex}
     * @param labelSmoothing in [0, 1)
     */
    public static LossValue compute(INDArray logits, int[] labels, double labelSmoothing, int ignoreIndex) {
        long rows = logits.size(0);
        long classes = logits.size(1);
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows of logits");
        }
        if (labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
        }
        DataType dt = logits.dataType();
        int[] onehotIndex = new int[labels.length];
        float[] weight = new float[labels.length];
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ignoreIndex) {
                onehotIndex[i] = -1;
            } else {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " outside [0, " + classes + ")");
                }
                onehotIndex[i] = labels[i];
                weight[i] = 1f;
                count++;
            }
        }
        if (count == 0) {
            return new LossValue(0.0, Nd4j.zeros(dt, logits.shape()), 0);
        }
        INDArray w = Nd4j.createFromArray(weight).reshape(rows, 1).castTo(dt).divi(count);
        INDArray logp = Nd4j.exec(new LogSoftMax(logits, Nd4j.createUninitialized(dt, logits.shape())))[0];
        INDArray target = Nd4j.exec(new OneHot(Nd4j.createFromArray(onehotIndex), (int) classes, -1,
                1.0 - labelSmoothing, 0.0, dt))[0];
        if (labelSmoothing > 0) {
            target.addi(labelSmoothing / classes).muliColumnVector(w.gt(0).castTo(dt));
        }
        double loss = -target.mul(logp).muliColumnVector(w).sumNumber().doubleValue();
        INDArray grad = logp;
        Nd4j.exec(new Exp(grad, grad));
        grad.subi(target).muliColumnVector(w);
        return new LossValue(loss, grad, count);
    }
}
