package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.LossValue;
import org.unimoj.model.loss.MeanSquaredError;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.tasks.engine.batch.TaskBatch;

/** Pooled vectors -> {@link Mlp} -> one value; mean squared error on {@link Target.Value}; metric {@code mean_abs_error}. */
public final class RegressHead implements PooledHead {

    private final HeadSpec.Regress spec;
    private final PooledScorer scorer;

    RegressHead(HeadSpec.Regress spec, ParameterStore store, UnimoConfig config) {
        this.spec = spec;
        if (spec.hidden() < 0) {
            throw new IllegalArgumentException("regressor hidden size must be >= 0 (0 = one Linear), got " + spec.hidden());
        }
        this.scorer = new PooledScorer(store, PREFIX, spec.pooling(), spec.hidden(), 1, config);
    }

    @Override
    public HeadSpec.Regress spec() {
        return spec;
    }

    @Override
    public String metricName() {
        return "mean_abs_error";
    }

    @Override
    public INDArray outputs(EncoderPass pass) {
        return scorer.forward(pass, null).y();
    }

    @Override
    public HeadOutcome run(EncoderPass pass, TaskBatch batch, StepRandom random, double gradScale, boolean backward) {
        PooledScorer.Out o = scorer.forward(pass, random);
        int n = batch.size();
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = ((Target.Value) batch.examples().get(i).target()).value();
        }
        INDArray y = o.y();
        INDArray target = Nd4j.createFromArray(t).reshape('c', n, 1).castTo(y.dataType());
        LossValue l = MeanSquaredError.compute(y, target);
        double metric = y.sub(target).norm1Number().doubleValue();
        if (!backward) {
            return new HeadOutcome(l.value(), n, metric, null, null, null);
        }
        PooledFeatures.Grads g = scorer.backward(o, l.gradient().muli(gradScale));
        return new HeadOutcome(l.value(), n, metric, null, g.dPooledText(), g.dPooledImage());
    }
}
