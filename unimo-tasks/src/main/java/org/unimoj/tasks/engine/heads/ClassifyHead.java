package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.LossValue;
import org.unimoj.model.loss.SigmoidBinaryCrossEntropy;
import org.unimoj.model.loss.SoftmaxCrossEntropy;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.tasks.engine.batch.TaskBatch;

/**
 * Pooled vectors -> {@link Mlp} -> logits. On {@link Target.ClassLabel}: softmax cross-entropy with
 * label smoothing, metric {@code accuracy}. On {@link Target.SoftLabels}: sigmoid binary
 * cross-entropy summed over classes and averaged over examples (the VQA convention, UNITER's
 * {@code bce.mean() * classes}), metric {@code soft_score}: the target score of the predicted
 * class (VQA accuracy when the scores are VQA's).
 */
public final class ClassifyHead implements PooledHead {

    private final HeadSpec.Classify spec;
    private final PooledScorer scorer;
    private final double smoothing;

    ClassifyHead(HeadSpec.Classify spec, ParameterStore store, UnimoConfig config) {
        this.spec = spec;
        this.smoothing = TaskHead.checkSmoothing(spec.labelSmoothing());
        if (spec.softLabels() && smoothing != 0) {
            throw new IllegalArgumentException("label smoothing applies to class labels; a soft-label head takes 0, got " + smoothing);
        }
        if (spec.hidden() < 0) {
            throw new IllegalArgumentException("classifier hidden size must be >= 0 (0 = one Linear), got " + spec.hidden());
        }
        this.scorer = new PooledScorer(store, PREFIX, spec.pooling(), spec.hidden(), spec.numClasses(), config);
    }

    @Override
    public HeadSpec.Classify spec() {
        return spec;
    }

    @Override
    public String metricName() {
        return spec.softLabels() ? "soft_score" : "accuracy";
    }

    @Override
    public INDArray outputs(EncoderPass pass) {
        return scorer.forward(pass, null).y();
    }

    @Override
    public HeadOutcome run(EncoderPass pass, TaskBatch batch, StepRandom random, double gradScale, boolean backward) {
        PooledScorer.Out o = scorer.forward(pass, random);
        INDArray logits = o.y();
        int n = batch.size();
        int classes = spec.numClasses();
        int[] best = Nd4j.argMax(logits, 1).toIntVector();
        double loss;
        double metric = 0;
        INDArray dLogits;
        if (spec.softLabels()) {
            float[] t = new float[n * classes];
            for (int i = 0; i < n; i++) {
                float[] s = ((Target.SoftLabels) batch.examples().get(i).target()).scores();
                System.arraycopy(s, 0, t, i * classes, classes);
                metric += s[best[i]];
            }
            INDArray targets = Nd4j.createFromArray(t).reshape('c', n, classes).castTo(logits.dataType());
            LossValue l = SigmoidBinaryCrossEntropy.compute(logits, targets);
            loss = l.value() * classes;
            dLogits = l.gradient().muli(classes);
        } else {
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = ((Target.ClassLabel) batch.examples().get(i).target()).label();
                metric += best[i] == labels[i] ? 1 : 0;
            }
            LossValue l = SoftmaxCrossEntropy.compute(logits, labels, smoothing, SoftmaxCrossEntropy.IGNORE);
            loss = l.value();
            dLogits = l.gradient();
        }
        if (!backward) {
            return new HeadOutcome(loss, n, metric, null, null, null);
        }
        PooledFeatures.Grads g = scorer.backward(o, dLogits.muli(gradScale));
        return new HeadOutcome(loss, n, metric, null, g.dPooledText(), g.dPooledImage());
    }
}
