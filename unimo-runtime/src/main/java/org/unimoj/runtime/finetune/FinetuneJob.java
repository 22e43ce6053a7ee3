package org.unimoj.runtime.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HardNegativeMiner;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Task;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.tasks.engine.FineTuneSettings;
import org.unimoj.tasks.engine.FineTuner;
import org.unimoj.tasks.engine.StepResult;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;

/**
 * One fine-tuning run: the task's training split, epoch by epoch in a seeded order, encoded by the
 * task, mined for hard negatives when the task asks, one {@link FineTuner} update per batch;
 * validation on the way; then the task checkpoint, the final scores of each split (and the
 * baseline's), the results files, the metrics log and a summary.
 */
public final class FinetuneJob {

    /**
     * What the job needs.
     *
     * @param task       the opened task
     * @param pretrained the pre-training checkpoint the encoder starts from
     * @param text       its tokenizer
     * @param out        the run directory
     * @param settings   the fine-tuning settings
     */
    public record Plan(OpenedTask task, Path pretrained, TextEncoder text, Path out, FinetuneSettings settings) {
        public Plan {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(pretrained, "pretrained");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * What the run did.
     *
     * @param updates       updates applied
     * @param examples      examples trained on
     * @param trainSeconds  time in training (encoding, mining and updates; validation excluded)
     * @param waitSeconds   of which waiting for the next encoded batch
     * @param mineSeconds   of which mining hard negatives with the live model
     * @param updateSeconds of which forward, backward and update
     * @param finalLoss     mean loss over the last logged interval
     * @param checkpoint    the task checkpoint
     * @param scores        each evaluated split's figures
     * @param baselines     the baseline's figures per split (empty without one)
     */
    public record Outcome(long updates, long examples, double trainSeconds, double waitSeconds, double mineSeconds,
                          double updateSeconds, double finalLoss, Path checkpoint,
                          Map<Split, TaskScoring.SplitResult> scores, Map<Split, MetricReport> baselines) {}

    private final Plan plan;
    private final PrintWriter out;
    private final PrintWriter err;

    public FinetuneJob(Plan plan, PrintWriter out, PrintWriter err) {
        this.plan = plan;
        this.out = out;
        this.err = err;
    }

    public Outcome run() throws IOException {
        return new Run<>(plan.task().task()).run();
    }

    /** The run, typed by the task's example record. */
    private final class Run<E> {

        private final Task<E> task;
        private final FinetuneSettings s = plan.settings();
        private final String name = plan.task().ref().fullName();
        private BufferedWriter log;

        Run(Task<E> task) {
            this.task = task;
        }

        Outcome run() throws IOException {
            Files.createDirectories(plan.out());
            List<E> train = readTraining();
            long total = s.totalSteps(train.size());
            long warmup = Math.round(s.warmup() * total);
            err.printf("finetune %s: %d training examples, %d updates of %d (%d epoch%s), warm-up %d, peak learning rate %.3g%n",
                    name, train.size(), total, s.batchSize(), s.epochs(), s.epochs() == 1 ? "" : "s", warmup, s.learningRate());
            err.flush();
            TaskModel model = TaskModel.fromPretrained(plan.pretrained(), task.head(), s.seed(), DataType.FLOAT,
                    c -> s.dropout() < 0 ? c : c.withDropout(s.dropout(), s.dropout()));
            FineTuneSettings engine = new FineTuneSettings(new Optimizer.Settings(new LearningRateSchedule(s.learningRate(), warmup, total),
                    s.maxGradNorm(), new AdamW.Settings(0.9, 0.999, 1e-8, s.weightDecay())), s.workers(), s.maxExamplesPerPass(), s.seed());
            HardNegativeMiner miner = plan.task().miner().orElse(null);
            Path ckpt = plan.out().resolve(RunFiles.CHECKPOINT);
            long steps = 0;
            long examples = 0;
            double trainSeconds = 0;
            double waitSeconds = 0;
            double mineSeconds = 0;
            double updateSeconds = 0;
            double intervalLoss = 0;
            double intervalMetric = 0;
            int intervalSteps = 0;
            double lastLoss = Double.NaN;
            long perEpoch = (train.size() + s.batchSize() - 1) / s.batchSize();
            ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "unimo-finetune-encode");
                t.setDaemon(true);
                return t;
            });
            log = Files.newBufferedWriter(plan.out().resolve(RunFiles.LOG), StandardCharsets.UTF_8);
            try (FineTuner tuner = new FineTuner(model, engine);
                 TaskPredictor live = new TaskPredictor(model, plan.text(), new PredictorSettings(s.predictBatch(), s.workers()))) {
                long runStart = System.nanoTime();
                BatchOrder order = new BatchOrder(train.size(), s.batchSize(), s.seed());
                Future<List<EncodedExample>> next = total > 0 ? encoder.submit(() -> encode(train, order.batch(0))) : null;
                for (long step = 0; step < total; step++) {
                    long t0 = System.nanoTime();
                    List<EncodedExample> batch = get(next);
                    long t1 = System.nanoTime();
                    waitSeconds += (t1 - t0) / 1e9;
                    if (step + 1 < total) {
                        long following = step + 1;
                        next = encoder.submit(() -> encode(train, order.batch(following)));
                    }
                    if (miner != null) {
                        batch = miner.mine(batch, live);
                    }
                    long t2 = System.nanoTime();
                    mineSeconds += (t2 - t1) / 1e9;
                    StepResult r = tuner.step(batch);
                    updateSeconds += (System.nanoTime() - t2) / 1e9;
                    if (!Double.isFinite(r.loss())) {
                        throw new IllegalStateException("the loss is not finite at update " + r.update() + " (" + r.loss()
                                + "); lower unimo.finetune.learning-rate (now " + s.learningRate() + ")");
                    }
                    steps++;
                    examples += r.examples();
                    trainSeconds += (System.nanoTime() - t0) / 1e9;
                    intervalLoss += r.loss();
                    intervalMetric += r.metric();
                    intervalSteps++;
                    boolean epochEnd = (step + 1) % perEpoch == 0 || step + 1 == total;
                    if (steps % s.logEvery() == 0 || step + 1 == total) {
                        lastLoss = intervalLoss / intervalSteps;
                        logStep(r, step + 1, total, perEpoch, lastLoss, intervalMetric / intervalSteps, examples, trainSeconds, runStart);
                        intervalLoss = 0;
                        intervalMetric = 0;
                        intervalSteps = 0;
                    }
                    boolean validate = s.validateEvery() > 0 ? steps % s.validateEvery() == 0 && step + 1 < total
                            : s.validateEvery() == 0 && epochEnd && step + 1 < total;
                    if (validate) {
                        validate(live, steps);
                    }
                }
                encoder.shutdownNow();
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("unimo.finetune.task", name);
                meta.put("unimo.finetune.updates", Long.toString(steps));
                meta.put("unimo.finetune.examples", Long.toString(examples));
                tuner.save(ckpt, meta);
                RunFiles.copyTokenizer(plan.pretrained(), ckpt);
                writeRecord(ckpt, steps, examples, trainSeconds);
                err.printf("finetune %s: checkpoint %s (%d updates, %.1f s of training: %.1f s updates, %.1f s mining negatives, %.1f s waiting for batches)%n",
                        name, ckpt, steps, trainSeconds, updateSeconds, mineSeconds, waitSeconds);
                err.flush();

                Map<Split, TaskScoring.SplitResult> scores = new LinkedHashMap<>();
                Map<Split, MetricReport> baselines = new LinkedHashMap<>();
                Path resultsDir = plan.out().resolve(RunFiles.RESULTS);
                for (Split split : s.evaluate()) {
                    TaskScoring.SplitResult sr = TaskScoring.score(plan.task(), split, live, resultsDir, err);
                    scores.put(split, sr);
                    MetricReport b = s.baseline() ? TaskScoring.baseline(plan.task(), split) : null;
                    if (b != null) {
                        baselines.put(split, b);
                    }
                    logEvaluation(steps, split, sr.report(), sr.seconds(), "final");
                    TaskScoring.print(out, sr.report(), b);
                }
                Outcome o = new Outcome(steps, examples, trainSeconds, waitSeconds, mineSeconds, updateSeconds, lastLoss, ckpt, scores,
                        baselines);
                writeMetrics(o, (System.nanoTime() - runStart) / 1e9);
                return o;
            } finally {
                encoder.shutdownNow();
                log.close();
            }
        }

        private List<E> readTraining() throws IOException {
            List<E> all = new ArrayList<>();
            long t0 = System.nanoTime();
            try (Stream<E> st = task.read(Split.TRAIN)) {
                st.forEach(e -> {
                    if (s.maxTrainExamples() == 0 || all.size() < s.maxTrainExamples()) {
                        all.add(e);
                    }
                });
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("task " + name + ": the training split of " + plan.task().context().dataDir() + " has no examples");
            }
            err.printf("finetune %s: read %d training examples in %.1f s%n", name, all.size(), (System.nanoTime() - t0) / 1e9);
            err.flush();
            return all;
        }

        private List<EncodedExample> encode(List<E> train, int[] indexes) {
            List<EncodedExample> batch = new ArrayList<>(indexes.length);
            for (int i : indexes) {
                batch.add(task.encode(train.get(i)));
            }
            return batch;
        }

        private void validate(TaskPredictor live, long step) throws IOException {
            long t0 = System.nanoTime();
            ProgressPredictor p = new ProgressPredictor(live, err, name + " val", 10);
            MetricReport r = task.evaluate(Split.VAL, p);
            double seconds = (System.nanoTime() - t0) / 1e9;
            logEvaluation(step, Split.VAL, r, seconds, "validation");
            Map.Entry<String, Double> primary = r.primary();
            err.printf("finetune %s: update %d: val %s %.4f (%d examples, %.1f s)%n", name, step, primary.getKey(), primary.getValue(),
                    r.count(), seconds);
            err.flush();
        }

        private void logStep(StepResult r, long step, long total, long perEpoch, double loss, double metric, long examples,
                             double trainSeconds, long runStart) throws IOException {
            double rate = examples / Math.max(trainSeconds, 1e-9);
            double elapsed = (System.nanoTime() - runStart) / 1e9;
            double eta = (total - step) * (trainSeconds / step);
            long epoch = (step - 1) / perEpoch + 1;
            err.printf("finetune %s: update %d/%d (epoch %d/%d) loss %.4f %s %.4f lr %.2e %.1f ex/s, %s elapsed, ETA %s%n", name, step,
                    total, epoch, (total + perEpoch - 1) / perEpoch, loss, r.metricName(), metric, r.learningRate(), rate,
                    duration(elapsed), duration(eta));
            err.flush();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", "train");
            line.put("step", step);
            line.put("epoch", epoch);
            line.put("loss", loss);
            line.put(r.metricName(), metric);
            line.put("learning_rate", r.learningRate());
            line.put("grad_norm", r.gradNorm());
            line.put("examples", examples);
            line.put("examples_per_second", rate);
            line.put("seconds", elapsed);
            writeLog(line);
        }

        private void logEvaluation(long step, Split split, MetricReport r, double seconds, String kind) throws IOException {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("kind", kind);
            line.put("step", step);
            line.put("split", split.fileName());
            line.put("count", r.count());
            line.put("metrics", r.values());
            line.put("seconds", seconds);
            writeLog(line);
        }

        private void writeLog(Map<String, Object> line) throws IOException {
            log.write(new ObjectMapper().writeValueAsString(line));
            log.write('\n');
            log.flush();
        }

        private void writeRecord(Path ckpt, long steps, long examples, double trainSeconds) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("task", name);
            doc.put("plugin", plan.task().plugin().info().id() + " " + plan.task().plugin().info().version());
            doc.put("pretrained", plan.pretrained().toAbsolutePath().normalize().toString());
            doc.put("data", plan.task().context().dataDir().toAbsolutePath().normalize().toString());
            doc.put("head", String.valueOf(task.head()));
            doc.put("updates", steps);
            doc.put("examples", examples);
            doc.put("train_seconds", trainSeconds);
            doc.put("settings", s.asMap());
            doc.put("task_settings", plan.task().context().settings());
            TaskScoring.writeJson(ckpt.resolve(RunFiles.RUN_RECORD), doc);
        }

        private void writeMetrics(Outcome o, double wallSeconds) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("task", name);
            doc.put("checkpoint", o.checkpoint().toAbsolutePath().normalize().toString());
            doc.put("pretrained", plan.pretrained().toAbsolutePath().normalize().toString());
            doc.put("data", plan.task().context().dataDir().toAbsolutePath().normalize().toString());
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("updates", o.updates());
            training.put("examples", o.examples());
            training.put("train_seconds", o.trainSeconds());
            training.put("wait_seconds", o.waitSeconds());
            training.put("mine_seconds", o.mineSeconds());
            training.put("update_seconds", o.updateSeconds());
            training.put("wall_seconds", wallSeconds);
            training.put("final_loss", o.finalLoss());
            doc.put("training", training);
            Map<String, Object> splits = new LinkedHashMap<>();
            o.scores().forEach((split, sr) -> {
                Map<String, Object> m = TaskScoring.json(sr.report());
                m.put("seconds", sr.seconds());
                m.put("results", sr.results() == null ? null : sr.results().toAbsolutePath().normalize().toString());
                splits.put(split.fileName(), m);
            });
            doc.put("splits", splits);
            if (!o.baselines().isEmpty()) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("description", plan.task().baseline().map(x -> x.baselineDescription()).orElse(""));
                o.baselines().forEach((split, r) -> b.put(split.fileName(), TaskScoring.json(r)));
                doc.put("baseline", b);
            }
            doc.put("settings", s.asMap());
            doc.put("settings_sources", s.sources());
            TaskScoring.writeJson(plan.out().resolve(RunFiles.METRICS), doc);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding a batch", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }

    /**
     * The order examples are trained in: epoch {@code k} is a shuffle seeded by (seed, k), cut into
     * batches; batch {@code b} of the run is a function of (seed, b) only, so a run can start at any
     * update.
     */
    static final class BatchOrder {
        private final int n;
        private final int batchSize;
        private final long seed;
        private final long perEpoch;
        private int cachedEpoch = -1;
        private int[] permutation;

        BatchOrder(int n, int batchSize, long seed) {
            this.n = n;
            this.batchSize = batchSize;
            this.seed = seed;
            this.perEpoch = (n + batchSize - 1) / batchSize;
        }

        synchronized int[] batch(long b) {
            int epoch = (int) (b / perEpoch);
            if (epoch != cachedEpoch) {
                permutation = shuffle(epoch);
                cachedEpoch = epoch;
            }
            int from = (int) ((b % perEpoch) * batchSize);
            int to = Math.min(n, from + batchSize);
            int[] out = new int[to - from];
            System.arraycopy(permutation, from, out, 0, out.length);
            return out;
        }

        private int[] shuffle(int epoch) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }
}
