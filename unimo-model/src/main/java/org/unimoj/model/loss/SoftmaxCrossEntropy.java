package org.unimoj.model.loss;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.nn.Tensors;

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
        int count = 0;
        float[] weight = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != ignoreIndex) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " outside [0, " + classes + ")");
                }
                weight[i] = 1f;
                count++;
            }
        }
        if (count == 0) {
            return new LossValue(0.0, Nd4j.zeros(dt, logits.shape()), 0);
        }
        long[] at = new long[count];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (weight[i] != 0f) {
                at[k++] = i * classes + labels[i];
            }
        }
        INDArray at64 = Nd4j.createFromArray(at);
        INDArray w = Nd4j.createFromArray(weight).reshape(rows, 1).castTo(dt).divi(count);
        INDArray logp = Nd4j.exec(new LogSoftMax(logits, Nd4j.createUninitialized(dt, logits.shape())))[0];
        // the target's log-probabilities, gathered (no one-hot matrix)
        double picked = Nd4j.exec(new Gather(Tensors.flat(logp), at64, 0))[0].sumNumber().doubleValue();
        double loss = -(1.0 - labelSmoothing) * picked / count;
        if (labelSmoothing > 0) {
            loss -= labelSmoothing / classes * Tensors.flat(logp.sum(true, 1).muli(w)).sumNumber().doubleValue();
        }
        // gradient: softmax - target, per kept row, over the kept rows' count
        INDArray grad = logp;
        Nd4j.exec(new Exp(grad, grad));
        grad.muliColumnVector(w);
        if (labelSmoothing > 0) {
            grad.subiColumnVector(w.mul(labelSmoothing / classes));
        }
        INDArray step = Nd4j.valueArrayOf(new long[] {count}, (1.0 - labelSmoothing) / count, dt);
        Nd4j.exec(DynamicCustomOp.builder("scatter_sub").addInputs(Tensors.flat(grad), at64, step).addOutputs(Tensors.flat(grad)).build());
        return new LossValue(loss, grad, count);
    }
}
