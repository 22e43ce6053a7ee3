package org.unimoj.tasks.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.tasks.engine.batch.TaskBatch;
import org.unimoj.tasks.engine.heads.HeadOutcome;
import org.unimoj.tasks.engine.parallel.Lanes;

/**
 * Fine-tunes a {@link TaskModel}: one {@link #step} per batch of encoded examples.
 *
 * <p>A step checks and pads the batch, cuts it into {@link FineTuneSettings#pieces} contiguous
 * shards of examples (ranking groups stay whole), runs forward and backward of shard {@code k} on
 * lane {@code k % workers} into that lane's gradient slot, each shard's gradient weighted by its
 * share of the batch's loss count (so the sum is the gradient of the whole batch's mean loss),
 * folds the slots, clips, and applies AdamW at the scheduled rate. Shard {@code k} of step
 * {@code s} draws its dropout from {@code (mix(seed, k), s)} only, and {@code s} is the
 * optimizer's update count, so for fixed settings a step is a deterministic function of
 * (parameters, optimizer state, batch, seed): a run resumed from {@link #save} repeats its losses.
 */
@SuppressWarnings("try")
public final class FineTuner implements AutoCloseable {

    /** Metadata key of the run's seed in a task checkpoint. */
    public static final String SEED_KEY = "finetune_seed";

    private final TaskModel model;
    private final FineTuneSettings settings;
    private final Optimizer optimizer;
    private final Lanes lanes;
    private Map<String, String> resumedMetadata = Map.of();

    public FineTuner(TaskModel model, FineTuneSettings settings) {
        this.model = model;
        this.settings = settings;
        this.optimizer = new Optimizer(model.parameters(), settings.optimizer(), LossScaler.fixed(1));
        this.lanes = new Lanes(settings.workers(), "unimo-finetune");
        lanes.bindGradientSlots(model.parameters());
        model.parameters().zeroGrads();
    }

    /**
     * Continues the fine-tuning run saved in the task checkpoint {@code dir}: parameters, head and
     * optimizer state (moments, update count). The seed must be the run's.
     *
     * @param head the task's declared head (must match the saved one), or null to take the saved one
     */
    public static FineTuner resume(Path dir, HeadSpec head, FineTuneSettings settings) {
        TaskModel m = head == null ? TaskCheckpoint.load(dir) : TaskCheckpoint.load(dir, head);
        FineTuner t = new FineTuner(m, settings);
        try {
            Map<String, String> meta = TaskCheckpoint.restoreOptimizer(dir, t.optimizer, m);
            String seed = meta.get(SEED_KEY);
            if (seed != null && !seed.equals(Long.toString(settings.seed()))) {
                throw new IllegalArgumentException(dir + ": the run was trained with seed " + seed + ", the settings say "
                        + settings.seed() + "; a resumed run keeps its seed");
            }
            t.resumedMetadata = Map.copyOf(meta);
            return t;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    public TaskModel model() {
        return model;
    }

    public FineTuneSettings settings() {
        return settings;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Updates applied so far (the next step's dropout stream is this number). */
    public long updates() {
        return optimizer.updates();
    }

    /** The metadata saved with the checkpoint this run was resumed from (empty for a new run). */
    public Map<String, String> resumedMetadata() {
        return resumedMetadata;
    }

    /** One training step on {@code examples}: forward, backward, one optimizer update. */
    public StepResult step(List<EncodedExample> examples) {
        TaskBatch batch = model.batch(examples);
        long step = optimizer.updates();
        double scale = optimizer.gradScale(1);
        Totals t;
        try {
            t = run(batch, step, scale, true);
            lanes.foldGradients(model.parameters());
        } catch (RuntimeException | Error e) {
            model.parameters().zeroGrads();
            throw e;
        }
        Optimizer.Outcome out = optimizer.apply(1, lanes.ranges());
        return new StepResult(out.update(), t.loss(), model.taskHead().metricName(), t.metric(), batch.size(), t.count(),
                out.learningRate(), out.gradNorm(), out.skipped());
    }

    /** The loss and metric of {@code examples} without dropout and without touching gradients (validation loss). */
    public StepResult score(List<EncodedExample> examples) {
        TaskBatch batch = model.batch(examples);
        Totals t = run(batch, optimizer.updates(), 1.0, false);
        return new StepResult(optimizer.updates(), t.loss(), model.taskHead().metricName(), t.metric(), batch.size(), t.count(),
                0, 0, false);
    }

    private record Totals(double loss, double metric, long count) {}

    private Totals run(TaskBatch batch, long step, double scale, boolean train) {
        int n = batch.size();
        int pieces = settings.pieces(n);
        double total = batch.lossCount();
        List<Callable<HeadOutcome>> tasks = new ArrayList<>(pieces);
        for (int k = 0; k < pieces; k++) {
            int from = (int) ((long) n * k / pieces);
            int to = (int) ((long) n * (k + 1) / pieces);
            long seed = SeedMixer.mix(settings.seed(), k);
            tasks.add(() -> {
                try (MemoryWorkspace ignored = Workspaces.open("unimo-finetune")) {
                    TaskBatch part = pieces == 1 ? batch : batch.slice(from, to);
                    if (!train) {
                        return model.loss(part, null);
                    }
                    return model.forwardBackward(part, StepRandom.forStep(seed, step), scale * part.lossCount() / total);
                }
            });
        }
        double loss = 0;
        double metric = 0;
        long count = 0;
        for (HeadOutcome o : lanes.runAll(tasks)) {
            loss += o.loss() * o.count() / total;
            metric += o.metricSum();
            count += o.count();
        }
        return new Totals(loss, metric / total, count);
    }

    /**
     * Saves the task checkpoint (model, head description, optimizer state) to {@code dir}, with
     * {@code metadata} (data position, ...) and the run's seed in the optimizer file's header.
     */
    public void save(Path dir, Map<String, String> metadata) {
        Map<String, String> meta = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
        meta.put(SEED_KEY, Long.toString(settings.seed()));
        TaskCheckpoint.save(dir, model, optimizer, meta);
    }

    @Override
    public void close() {
        lanes.close();
    }
}
