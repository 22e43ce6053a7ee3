package org.unimoj.model.optim;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.ParameterStore;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter): {@code p <- p (1 - lr wd)} on the
 * decayed parameters only (weights; not biases, LayerNorm or the temperature), then the Adam step
 * computed by ND4J's {@code adam_updater} over the whole flat buffer:
 * {@code m <- b1 m + (1-b1) g}, {@code v <- b2 v + (1-b2) g^2},
 * {@code p <- p - lr sqrt(1-b2^t) / (1-b1^t) * m / (sqrt(v) + eps)} (epsilon outside the bias
 * correction, as ND4J and TensorFlow place it).
 */
@SuppressWarnings("try")
public final class AdamW {

    /**
     * @param beta1       first-moment decay (0.9)
     * @param beta2       second-moment decay (0.999 or 0.98)
     * @param epsilon     denominator term (1e-8 or 1e-6)
     * @param weightDecay decoupled decay rate (0.01)
     */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay) {
        public Settings {
            if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || epsilon <= 0 || weightDecay < 0) {
                throw new IllegalArgumentException("bad AdamW settings " + this);
            }
        }

        /** PyTorch's defaults with decay 0.01. */
        public static Settings defaults() {
            return new Settings(0.9, 0.999, 1e-8, 0.01);
        }
    }

    private final ParameterStore store;
    private final Settings settings;
    private final INDArray m;
    private final INDArray v;
    private long updates;

    public AdamW(ParameterStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            this.m = Nd4j.create(store.dataType(), store.values().length());
            this.v = Nd4j.create(store.dataType(), store.values().length());
        }
    }

    public Settings settings() {
        return settings;
    }

    /** Updates applied so far (Adam's t). */
    public long updates() {
        return updates;
    }

    /** The first moment, flat in the store's layout (live; the checkpoint reads and restores it). */
    public INDArray firstMoment() {
        return m;
    }

    /** The second moment, flat in the store's layout. */
    public INDArray secondMoment() {
        return v;
    }

    /** Restores the moments' update count (moments are restored through {@link #firstMoment()} and {@link #secondMoment()}). */
    public void restoreUpdates(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("negative update count " + t);
        }
        this.updates = t;
    }

    /** One update with learning rate {@code lr} from the gradients in the store. */
    public void update(double lr) {
        updateRange(lr, 0, store.values().length());
        finishUpdate();
    }

    /**
     * The update of the flat range {@code [from, to)} (ranges may run on different threads);
     * call {@link #finishUpdate()} once every range is done.
     */
    public void updateRange(double lr, long from, long to) {
        if (from >= to) {
            return;
        }
        INDArray values = store.values().get(NDArrayIndex.interval(from, to));
        INDArray grads = store.grads().get(NDArrayIndex.interval(from, to));
        INDArray mr = m.get(NDArrayIndex.interval(from, to));
        INDArray vr = v.get(NDArrayIndex.interval(from, to));
        long decayed = Math.min(to, store.decayedLength());
        if (settings.weightDecay() > 0 && decayed > from) {
            store.values().get(NDArrayIndex.interval(from, decayed)).muli(1.0 - lr * settings.weightDecay());
        }
        INDArray step = Nd4j.createUninitialized(values.dataType(), to - from);
        Nd4j.exec(new AdamUpdater(grads, vr, mr, step, vr, mr, lr, settings.beta1(), settings.beta2(), settings.epsilon(), (int) updates));
        values.subi(step);
    }

    /** Counts the update whose ranges are done. */
    public void finishUpdate() {
        updates++;
    }
}
