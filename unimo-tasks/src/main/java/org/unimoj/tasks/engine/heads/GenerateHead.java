package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.loss.LossValue;
import org.unimoj.model.loss.SoftmaxCrossEntropy;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;
import org.unimoj.tasks.engine.batch.TaskBatch;

/**
 * Sequence-to-sequence (UniLM) or captioning LM over the target positions with the model's tied
 * LM head: the output at each target position predicts the next target id; cross-entropy with
 * label smoothing averaged over the batch's target tokens. Metric {@code token_accuracy}. The
 * head has no parameters of its own (it trains {@code lm_head.*} and the tied word embedding).
 */
public final class GenerateHead implements TaskHead {

    private final HeadSpec.Generate spec;
    private final LmHead lm;
    private final double smoothing;

    GenerateHead(HeadSpec.Generate spec, LmHead lm) {
        this.spec = spec;
        this.lm = lm;
        this.smoothing = TaskHead.checkSmoothing(spec.labelSmoothing());
    }

    @Override
    public HeadSpec.Generate spec() {
        return spec;
    }

    public LmHead lm() {
        return lm;
    }

    @Override
    public String metricName() {
        return "token_accuracy";
    }

    @Override
    public HeadOutcome run(EncoderPass pass, TaskBatch batch, StepRandom random, double gradScale, boolean backward) {
        long[] rows = batch.targetRows();
        int[] labels = batch.targetLabels();
        INDArray seq = pass.sequence();
        INDArray h = Tensors.gatherRows(seq, rows);
        LmHead.Out o = lm.forward(h);
        int[] best = Nd4j.argMax(o.logits(), 1).toIntVector();
        double correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += best[i] == labels[i] ? 1 : 0;
        }
        LossValue l = SoftmaxCrossEntropy.compute(o.logits(), labels, smoothing, SoftmaxCrossEntropy.IGNORE);
        if (!backward) {
            return new HeadOutcome(l.value(), labels.length, correct, null, null, null);
        }
        INDArray dh = lm.backward(o, l.gradient().muli(gradScale));
        INDArray dSeq = Tensors.zeros(seq.dataType(), seq.shape());
        Tensors.scatterAddRows(dSeq, rows, dh);
        return new HeadOutcome(l.value(), labels.length, correct, dSeq, null, null);
    }
}
