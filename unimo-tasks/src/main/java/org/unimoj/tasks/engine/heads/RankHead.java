package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;
import org.unimoj.tasks.engine.batch.TaskBatch;

/**
 * Pooled vectors -> {@code Linear(., 1)} -> one score per candidate; per example, softmax
 * cross-entropy over its group of candidates with the {@link Target.Ranking} positive as the class
 * (UNITER's retrieval loss over a positive and its hard negatives), averaged over examples. Metric
 * {@code accuracy}: the positive scores strictly above every other candidate.
 */
public final class RankHead implements PooledHead {

    private final HeadSpec.Rank spec;
    private final PooledScorer scorer;

    RankHead(HeadSpec.Rank spec, ParameterStore store, UnimoConfig config) {
        this.spec = spec;
        this.scorer = new PooledScorer(store, PREFIX, spec.pooling(), 0, 1, config);
    }

    @Override
    public HeadSpec.Rank spec() {
        return spec;
    }

    @Override
    public String metricName() {
        return "accuracy";
    }

    @Override
    public INDArray outputs(EncoderPass pass) {
        return scorer.forward(pass, null).y();
    }

    @Override
    public HeadOutcome run(EncoderPass pass, TaskBatch batch, StepRandom random, double gradScale, boolean backward) {
        PooledScorer.Out o = scorer.forward(pass, random);
        double[] s = Tensors.flat(o.y().castTo(DataType.DOUBLE)).toDoubleVector();
        double[] ds = new double[s.length];
        int n = batch.size();
        double loss = 0;
        double correct = 0;
        for (int i = 0; i < n; i++) {
            int from = batch.firstInput(i);
            int to = batch.firstInput(i + 1);
            int pos = from + ((Target.Ranking) batch.examples().get(i).target()).positive();
            double max = Double.NEGATIVE_INFINITY;
            double maxOther = Double.NEGATIVE_INFINITY;
            for (int r = from; r < to; r++) {
                max = Math.max(max, s[r]);
                if (r != pos) {
                    maxOther = Math.max(maxOther, s[r]);
                }
            }
            double sum = 0;
            for (int r = from; r < to; r++) {
                sum += Math.exp(s[r] - max);
            }
            double logZ = max + Math.log(sum);
            loss += (logZ - s[pos]) / n;
            correct += s[pos] > maxOther ? 1 : 0;
            for (int r = from; r < to; r++) {
                ds[r] = (Math.exp(s[r] - logZ) - (r == pos ? 1 : 0)) / n;
            }
        }
        if (!backward) {
            return new HeadOutcome(loss, n, correct, null, null, null);
        }
        INDArray dScores = Nd4j.createFromArray(ds).reshape('c', s.length, 1).castTo(o.y().dataType()).muli(gradScale);
        PooledFeatures.Grads g = scorer.backward(o, dScores);
        return new HeadOutcome(loss, n, correct, null, g.dPooledText(), g.dPooledImage());
    }
}
