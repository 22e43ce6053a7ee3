package org.unimoj.runtime.pretrain.step;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.DataParallelStep;
import org.unimoj.model.pretrain.Objective;
import org.unimoj.model.pretrain.ObjectiveLosses;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.runtime.train.StepResult;
import org.unimoj.runtime.train.TrainingStep;

/**
 * The pre-training update of the model engine: forward and backward of a joint batch split over
 * {@code workers} data-parallel shards, then AdamW (clipped, scheduled) and the CMCL temperature's
 * clamp. Dropout is drawn from (seed, step) only, so a run restored from a checkpoint repeats its
 * losses.
 */
public final class PretrainStep implements TrainingStep<PretrainBatch, PretrainSnapshot> {

    private final UnimoPretrainModel model;
    private final Optimizer optimizer;
    private final DataParallelStep parallel;
    private final long seed;
    private final Path tokenizerDir;
    private final Shadows shadows;

    /**
     * @param model        the model (fresh or restored)
     * @param optimizer    its optimizer (fresh or restored)
     * @param workers      data-parallel shards
     * @param seed         the run's seed (dropout)
     * @param tokenizerDir the run's tokenizer files, copied into every checkpoint
     */
    public PretrainStep(UnimoPretrainModel model, Optimizer optimizer, int workers, long seed, Path tokenizerDir) {
        this.model = model;
        this.optimizer = optimizer;
        this.parallel = new DataParallelStep(model, workers);
        // One OpenMP thread on every shard's thread. EngineThreads sets ND4J's and BLAS's pools but
        // OpenMP's thread count is per thread, and with more than one, some ops sum in varying
        // order: runs then differ by ~1e-7 per step, and a resumed run could not repeat its losses.
        parallel.ranges().run(parallel.workers(), (i, from, to) -> singleOpenMpThread());
        this.seed = seed;
        this.tokenizerDir = tokenizerDir;
        this.shadows = new Shadows(model.config(), optimizer.settings());
    }

    public UnimoPretrainModel model() {
        return model;
    }

    private static final ThreadLocal<Boolean> OPENMP_SET = ThreadLocal.withInitial(() -> false);

    /** Sets this thread's OpenMP thread count to 1 (once per thread). */
    static void singleOpenMpThread() {
        if (!OPENMP_SET.get()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            OPENMP_SET.set(true);
        }
    }

    @Override
    public StepResult train(PretrainBatch batch, long step) {
        singleOpenMpThread(); // the contrastive loss and the temperature's clamp run on the calling thread
        ObjectiveLosses l = parallel.forwardBackward(batch, seed, step, optimizer.gradScale(1));
        Map<String, Double> losses = new LinkedHashMap<>();
        for (Objective o : Objective.values()) {
            Double v = l.losses().get(o);
            if (v != null) {
                losses.put(o.name(), v);
            }
        }
        if (!Double.isFinite(l.total())) {
            model.parameters().zeroGrads(); // nothing is applied: the state stays the last good one
            return new StepResult(losses, 0, Double.NaN);
        }
        Optimizer.Outcome o = optimizer.apply(1, parallel.ranges());
        model.afterUpdate();
        return new StepResult(losses, o.learningRate(), o.gradNorm());
    }

    @Override
    @SuppressWarnings("try")
    public PretrainSnapshot snapshot(long step) {
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            return new PretrainSnapshot(step, model.config(), model.parameters().values().dup(), optimizer.adam().firstMoment().dup(),
                    optimizer.adam().secondMoment().dup(), optimizer.adam().updates(), model.contrastiveHead().temperature(), tokenizerDir,
                    shadows);
        }
    }

    @Override
    public void close() {
        parallel.close();
    }
}
