package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.Pooling;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.Dropout;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;

/**
 * The shared body of the pooled heads: pooled features, dropout at the encoder's hidden rate (as
 * UNIMO's fine-tuning code drops out the pooled vector), then an {@link Mlp}.
 */
public final class PooledScorer {

    /** One forward pass. */
    public record Out(PooledFeatures.Out features, Dropout.Out dropped, Mlp.Out mlp) {
        /** The scorer's outputs {@code [rows, outputs]}. */
        public INDArray y() {
            return mlp.y();
        }
    }

    private final PooledFeatures features;
    private final Dropout dropout;
    private final Mlp mlp;

    public PooledScorer(ParameterStore store, String name, Pooling pooling, int hidden, int outputs, UnimoConfig config) {
        this.features = new PooledFeatures(pooling);
        this.dropout = new Dropout(config.dropout());
        this.mlp = new Mlp(store, name, features.width(config.hidden()), hidden, outputs, config.layerNormEps(), config.initStd());
    }

    /** @param random the step's randomness, or null to evaluate (no dropout) */
    public Out forward(EncoderPass pass, StepRandom random) {
        PooledFeatures.Out f = features.forward(pass);
        Dropout.Out d = dropout.forward(f.x(), random);
        return new Out(f, d, mlp.forward(d.y()));
    }

    /** Adds the parameter gradients for {@code dy} and returns the pooled vectors' gradients. */
    public PooledFeatures.Grads backward(Out o, INDArray dy) {
        INDArray dx = dropout.backward(o.dropped(), mlp.backward(o.mlp(), dy));
        return features.backward(o.features(), dx);
    }
}
