package org.unimoj.runtime.finetune;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HardNegativeMiner;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.runtime.train.StepResult;
import org.unimoj.runtime.train.TrainingStep;
import org.unimoj.tasks.engine.FineTuner;
import org.unimoj.tasks.engine.predict.TaskPredictor;

/**
 * One fine-tuning update as the trainer actor's step: the task's hard negatives mined with the live
 * model (when the task has a miner; it must see the current parameters, so it runs here and not in
 * the batcher), then the task engine's {@link FineTuner#step} (sharded forward/backward, AdamW).
 * Dropout comes from (seed, update), so a resumed run repeats its losses.
 */
final class TaskStep implements TrainingStep<List<EncodedExample>, TaskSnapshot> {

    /** The loss's name in the metrics log and on the progress bar. */
    static final String LOSS = "loss";

    private final FineTuner tuner;
    private final TaskPredictor live;
    private final HardNegativeMiner miner;
    private final TaskSnapshot.Shadows shadows;
    private double mineSeconds;
    private double updateSeconds;
    private double metricSum;
    private int metricSteps;
    private String metricName = "metric";
    private boolean closed;

    TaskStep(FineTuner tuner, TaskPredictor live, HardNegativeMiner miner, TaskSnapshot.Shadows shadows) {
        this.tuner = tuner;
        this.live = live;
        this.miner = miner;
        this.shadows = shadows;
    }

    @Override
    public StepResult train(List<EncodedExample> batch, long step) {
        if (tuner.updates() != step - 1) {
            throw new IllegalStateException("update " + step + " asked after " + tuner.updates() + " updates");
        }
        long t0 = System.nanoTime();
        List<EncodedExample> b = miner == null ? batch : miner.mine(batch, live);
        long t1 = System.nanoTime();
        org.unimoj.tasks.engine.StepResult r = tuner.step(b);
        long t2 = System.nanoTime();
        mineSeconds += (t1 - t0) / 1e9;
        updateSeconds += (t2 - t1) / 1e9;
        metricSum += r.metric();
        metricSteps++;
        metricName = r.metricName();
        return new StepResult(Map.of(LOSS, r.loss()), r.learningRate(), r.gradNorm());
    }

    @Override
    @SuppressWarnings("try")
    public TaskSnapshot snapshot(long step) {
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            return new TaskSnapshot(step, tuner.model().parameters().values().dup(), tuner.optimizer().adam().firstMoment().dup(),
                    tuner.optimizer().adam().secondMoment().dup(), tuner.optimizer().adam().updates(), shadows);
        }
    }

    /** The head's training metric ("accuracy", "soft_score"...) averaged over the updates since the last call; resets. */
    double takeMetric() {
        double m = metricSteps == 0 ? Double.NaN : metricSum / metricSteps;
        metricSum = 0;
        metricSteps = 0;
        return m;
    }

    String metricName() {
        return metricName;
    }

    /** Seconds spent mining hard negatives so far. */
    double mineSeconds() {
        return mineSeconds;
    }

    /** Seconds spent in forward, backward and update so far. */
    double updateSeconds() {
        return updateSeconds;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            live.close();
            tuner.close();
        }
    }
}
