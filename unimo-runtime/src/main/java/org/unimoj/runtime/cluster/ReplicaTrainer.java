package org.unimoj.runtime.cluster;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.EngineThreads;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.DataParallelStep;
import org.unimoj.model.pretrain.Objective;
import org.unimoj.model.pretrain.ObjectiveLosses;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/**
 * One member's replica of the model and optimizer: the gradient of its part of a step's batch,
 * computed by the single-process {@link DataParallelStep} (as shards {@code firstShard..} of the
 * whole batch, so n members repeat one process with n times the workers), flattened with the
 * part's loss shares appended; then the same clipped AdamW update from the summed vector. Keeps
 * the state from before the last update, so a step that only some members applied can be undone.
 */
@SuppressWarnings("try")
public final class ReplicaTrainer implements AutoCloseable {

    /** Floats appended to the gradient: each objective's share of the step's loss. */
    static final int LOSS_SLOTS = Objective.values().length;

    private final UnimoPretrainModel model;
    private final Optimizer optimizer;
    private final DataParallelStep parallel;
    private final long seed;
    private final INDArray savedValues;
    private final INDArray savedFirst;
    private final INDArray savedSecond;
    private long savedUpdates = -1;

    /** The optimizer every replica and the reference use: AdamW, constant rate, clipped at norm 1. */
    public static Optimizer.Settings optimizerSettings(double learningRate) {
        return new Optimizer.Settings(LearningRateSchedule.constant(learningRate), 1.0, AdamW.Settings.defaults());
    }

    public ReplicaTrainer(UnimoConfig config, long seed, int workers, double learningRate) {
        this(config, seed, workers, optimizerSettings(learningRate));
    }

    /** A replica with the run's optimizer (every member the same, so the replicas stay identical). */
    public ReplicaTrainer(UnimoConfig config, long seed, int workers, Optimizer.Settings optimizerSettings) {
        EngineThreads.singleThreadedOps();
        this.model = UnimoPretrainModel.create(config, DataType.FLOAT, seed);
        this.optimizer = new Optimizer(model.parameters(), optimizerSettings, LossScaler.fixed(1.0));
        this.parallel = new DataParallelStep(model, workers);
        // one OpenMP thread per worker thread, as the single-process step does (summation order stays fixed)
        parallel.ranges().run(workers, (i, a, b) -> NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1));
        this.seed = seed;
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            savedValues = model.parameters().values().dup();
            savedFirst = optimizer.adam().firstMoment().dup();
            savedSecond = optimizer.adam().secondMoment().dup();
        }
    }

    public int workers() {
        return parallel.workers();
    }

    /** Parameter count (floats in the all-reduce, besides the loss slots). */
    public long parameterCount() {
        return model.parameters().values().length();
    }

    /**
     * The gradient of {@code part} as shards {@code firstShard..} of a batch whose objectives
     * have {@code totalWeights} targets, then the part's loss shares; an empty part gives zeros.
     */
    public float[] localGradient(PretrainBatch part, long step, int firstShard, Map<Objective, Double> totalWeights) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        model.parameters().zeroGrads();
        ObjectiveLosses losses = part == null ? null
                : parallel.forwardBackward(part, seed, step, optimizer.gradScale(1), firstShard, o -> totalWeights.getOrDefault(o, 0.0));
        float[] grads = model.parameters().grads().toFloatVector();
        float[] out = java.util.Arrays.copyOf(grads, grads.length + LOSS_SLOTS);
        if (losses != null) {
            for (Objective o : Objective.values()) {
                Double v = losses.losses().get(o);
                out[grads.length + o.ordinal()] = v == null ? 0f : v.floatValue();
            }
        }
        return out;
    }

    /** Applies the update from the summed vector (gradient then loss slots); returns the step's loss. */
    public double apply(float[] summed) {
        INDArray grads = model.parameters().grads();
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            savedValues.assign(model.parameters().values());
            savedFirst.assign(optimizer.adam().firstMoment());
            savedSecond.assign(optimizer.adam().secondMoment());
            savedUpdates = optimizer.adam().updates();
            INDArray g = Nd4j.createFromArray(java.util.Arrays.copyOf(summed, (int) grads.length()));
            grads.assign(g.reshape(grads.shape()));
        }
        optimizer.apply(1, parallel.ranges());
        model.afterUpdate();
        double loss = 0;
        for (int i = summed.length - LOSS_SLOTS; i < summed.length; i++) {
            loss += summed[i];
        }
        return loss;
    }

    /** Undoes the last {@link #apply}. */
    public void rollback() {
        if (savedUpdates < 0) {
            throw new IllegalStateException("no update to roll back");
        }
        model.parameters().values().assign(savedValues);
        optimizer.adam().firstMoment().assign(savedFirst);
        optimizer.adam().secondMoment().assign(savedSecond);
        optimizer.adam().restoreUpdates(savedUpdates);
        model.parameters().zeroGrads();
        savedUpdates = -1;
    }

    /** Writes the model and optimizer state as a checkpoint of the model engine's format (the leader does, for the ring). */
    public void writeCheckpoint(java.nio.file.Path dir, Map<String, String> metadata) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
        org.unimoj.model.checkpoint.Checkpoint.save(dir, model.config(), model.parameters(), optimizer, metadata,
                org.unimoj.model.checkpoint.TensorType.F32);
    }

    /**
     * Loads the model and optimizer state of a checkpoint written by {@link #writeCheckpoint} (the
     * same model configuration) and returns its metadata; every member of a resumed run loads the
     * same one, so the replicas start identical.
     */
    public Map<String, String> restore(java.nio.file.Path dir) {
        UnimoConfig saved = org.unimoj.model.checkpoint.Checkpoint.readConfig(dir);
        if (!saved.equals(model.config())) {
            throw new IllegalArgumentException("checkpoint " + dir + ": its model (" + saved + ") is not this run's (" + model.config() + ")");
        }
        org.unimoj.model.checkpoint.Checkpoint.loadParameters(dir, model.parameters());
        Map<String, String> meta = org.unimoj.model.checkpoint.Checkpoint.loadOptimizer(dir, optimizer, model.parameters());
        model.parameters().zeroGrads();
        return meta;
    }

    /** The parameters, flat. */
    public float[] parameters() {
        return model.parameters().values().toFloatVector();
    }

    @Override
    public void close() {
        parallel.close();
    }
}
