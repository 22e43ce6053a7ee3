package org.unimoj.model.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveLoss;
import org.unimoj.model.nn.EngineThreads;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.DataParallelStep;
import org.unimoj.model.pretrain.ObjectiveLosses;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.RegionTargets;
import org.unimoj.model.pretrain.TokenTargets;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/**
 * The model and step of {@code torch_reference.py}: post-LN encoder ({@code layers} x hidden H,
 * FFN 4H, no dropout) over {@code [IMG] + regions ++ text}, full bidirectional attention; MLM on
 * the first 15% of text positions (tied decoder), MRM feature regression on the first 15% of
 * regions, in-batch symmetric InfoNCE on the L2-normalised pooled vectors at temperature 0.07;
 * AdamW (lr 1e-4, weight decay 0.01). Times {@code steps} steps after {@code warmup} and reports
 * the same figures as the PyTorch script. Where PyTorch runs each op on {@code threads} threads,
 * this engine runs {@code threads} data-parallel shards of the batch with one thread per op.
 */
@SuppressWarnings("try")
public final class TrainBenchmark {

    /** The benchmark's sizes; defaults are torch_reference.py's. */
    public record Settings(int layers, int hidden, int heads, int vocab, int textLength, int regions, int featureDim,
                           int batch, int warmup, int steps, int threads) {
        public static Settings defaults() {
            return new Settings(4, 256, 4, 8192, 64, 36, 2048, 32, 3, 10, 2);
        }
    }

    /**
     * One run's figures.
     *
     * @param params         trainable parameters
     * @param stepSeconds    mean seconds per timed step
     * @param lastLoss       the summed loss of the last step
     */
    public record Result(Settings settings, long params, double stepSeconds, double lastLoss) {
        public int sequence() {
            return settings.regions() + 1 + settings.textLength();
        }

        public double examplesPerSecond() {
            return settings.batch() / stepSeconds;
        }

        public double tokensPerSecond() {
            return (double) settings.batch() * sequence() / stepSeconds;
        }

        /** The one-line form of torch_reference.py, with this engine's name. */
        public String line() {
            return String.format(Locale.ROOT, "unimo-java layers=%d hidden=%d batch=%d seq=%d params=%d step_s=%.4f examples_per_s=%.1f tokens_per_s=%.0f loss=%.4f",
                    settings.layers(), settings.hidden(), settings.batch(), sequence(), params, stepSeconds,
                    examplesPerSecond(), tokensPerSecond(), lastLoss);
        }
    }

    private TrainBenchmark() {}

    /** The model configuration the benchmark trains. */
    public static UnimoConfig config(Settings s) {
        return new UnimoConfig("bench", s.layers(), s.hidden(), s.heads(), 4 * s.hidden(), s.vocab(), s.textLength() + 2,
                s.featureDim(), s.regions(), 0, 0.0, 0.0, 1e-5, 0.02, 1, 0.07, false);
    }

    /**
     * Builds, warms up and times; {@code progress} hears one line per step. The {@code threads}
     * cores are used as {@link DataParallelStep} workers, one thread per op each.
     */
    public static Result run(Settings s, Consumer<String> progress) {
        EngineThreads.singleThreadedOps();
        UnimoConfig config = config(s);
        UnimoPretrainModel model = UnimoPretrainModel.create(config, DataType.FLOAT, 0);
        Optimizer optimizer = new Optimizer(model.parameters(),
                new Optimizer.Settings(LearningRateSchedule.constant(1e-4), 0.0, new AdamW.Settings(0.9, 0.999, 1e-8, 0.01)),
                LossScaler.fixed(1.0));
        PretrainBatch batch = batch(s);
        double loss = Double.NaN;
        try (DataParallelStep parallel = new DataParallelStep(model, Math.max(1, s.threads()))) {
            for (int i = 0; i < s.warmup(); i++) {
                loss = step(model, parallel, optimizer, batch, i);
                progress.accept(String.format(Locale.ROOT, "warm-up step %d/%d loss=%.4f", i + 1, s.warmup(), loss));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < s.steps(); i++) {
                loss = step(model, parallel, optimizer, batch, s.warmup() + i);
                progress.accept(String.format(Locale.ROOT, "step %d/%d loss=%.4f", i + 1, s.steps(), loss));
            }
            double dt = (System.nanoTime() - t0) / 1e9 / Math.max(1, s.steps());
            return new Result(s, model.parameters().size(), dt, loss);
        }
    }

    private static double step(UnimoPretrainModel model, DataParallelStep parallel, Optimizer optimizer, PretrainBatch batch, long step) {
        ObjectiveLosses l = parallel.forwardBackward(batch, 0, step, optimizer.gradScale(1));
        optimizer.apply(1, parallel.ranges());
        model.afterUpdate();
        return l.total();
    }

    /** The batch of torch_reference.py: random ids, features and boxes; every position valid. */
    public static PretrainBatch batch(Settings s) {
        SplittableRandom rnd = new SplittableRandom(0);
        int b = s.batch();
        int t = s.textLength();
        int r = s.regions();
        int[] ids = new int[b * t];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rnd.nextInt(s.vocab());
        }
        int[] lengths = new int[b];
        int[] counts = new int[b];
        AttentionKind[] kinds = new AttentionKind[b];
        for (int i = 0; i < b; i++) {
            lengths[i] = t;
            counts[i] = r;
            kinds[i] = AttentionKind.BIDIRECTIONAL;
        }
        INDArray feats;
        INDArray boxes;
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            // uniform [0, 1) as torch.rand, from a fixed seed
            Random rng = Nd4j.getRandomFactory().getNewRandomInstance(1);
            feats = Nd4j.create(DataType.FLOAT, b, r, s.featureDim());
            boxes = Nd4j.create(DataType.FLOAT, b, r, 5);
            Nd4j.getExecutioner().exec(new UniformDistribution(feats, 0.0, 1.0), rng);
            Nd4j.getExecutioner().exec(new UniformDistribution(boxes, 0.0, 1.0), rng);
        }
        EncoderBatch input = new EncoderBatch(b, t, ids, lengths, r, counts, feats, boxes, kinds, lengths.clone());
        int nMlm = Math.max(1, (int) (0.15 * t));
        int nMrm = Math.max(1, (int) (0.15 * r));
        int[] mlmEx = new int[b * nMlm];
        int[] mlmPos = new int[b * nMlm];
        int[] mlmLab = new int[b * nMlm];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < nMlm; k++) {
                mlmEx[i * nMlm + k] = i;
                mlmPos[i * nMlm + k] = k;
                mlmLab[i * nMlm + k] = rnd.nextInt(s.vocab());
            }
        }
        int[] mrmEx = new int[b * nMrm];
        int[] mrmReg = new int[b * nMrm];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < nMrm; k++) {
                mrmEx[i * nMrm + k] = i;
                mrmReg[i * nMrm + k] = k;
            }
        }
        INDArray targets;
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            targets = feats.get(NDArrayIndex.all(), NDArrayIndex.interval(0, nMrm),
                    NDArrayIndex.all()).dup('c').reshape('c', (long) b * nMrm, s.featureDim());
        }
        return new PretrainBatch(input, new TokenTargets(mlmEx, mlmPos, mlmLab, 0.0),
                new RegionTargets(mrmEx, mrmReg, targets, null), null, ContrastiveLoss.inBatchGroups(b));
    }
}
