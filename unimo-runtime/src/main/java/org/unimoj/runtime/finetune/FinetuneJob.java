package org.unimoj.runtime.finetune;

import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Task;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.data.io.Quarantine;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pretrain.PretrainJob;
import org.unimoj.runtime.train.DataPosition;
import org.unimoj.runtime.train.FileTrees;
import org.unimoj.runtime.train.RunListener;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.SlotSource;
import org.unimoj.runtime.train.actors.Batcher;
import org.unimoj.runtime.train.actors.Checkpointer;
import org.unimoj.runtime.train.actors.RunCoordinator;
import org.unimoj.runtime.train.actors.RunOutcome;
import org.unimoj.runtime.train.actors.RunPlan;
import org.unimoj.runtime.train.actors.Trainer;
import org.unimoj.runtime.train.report.MetricsLog;
import org.unimoj.runtime.train.report.RunReporter;
import org.unimoj.tasks.engine.FineTuneSettings;
import org.unimoj.tasks.engine.FineTuner;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;

/**
 * One fine-tuning run, through the runtime's training actors ({@link RunCoordinator}): the task's
 * training examples are the one data stream ({@link TaskExamples}, reshuffled every epoch), the
 * batcher encodes them with the task ({@link TaskBatchAssembler}), the trainer runs the task
 * engine's update ({@link TaskStep}, with the task's hard-negative mining), the evaluator scores the
 * val split on the way and every split of {@code unimo.finetune.evaluate} at the end
 * ({@link TaskEvaluations}), the checkpointer writes task checkpoints. The same progress bar, metrics
 * log, charts, SIGINT/SIGTERM checkpoint and {@code --resume} as pre-training.
 *
 * <p>The run directory:
 * <pre>
 *   checkpoints/step-NNNNNNNN/  a task checkpoint (task.json, config.json, model.safetensors,
 *                            optimizer.safetensors, run-state.json, vocab.json, merges.txt, finetune.json)
 *   ckpt/                    a copy of the last one when the run completes (for 'unimo evaluate task')
 *   results/                 each scored split's results file in the task's official format
 *   metrics.jsonl            one line per update, evaluation and checkpoint; charts/ its curves
 *   metrics.json             the figures: training, each split, the baseline
 * </pre>
 */
public final class FinetuneJob {

    public static final String CHECKPOINTS = "checkpoints";
    public static final String CHARTS = "charts";
    public static final String QUARANTINE = "quarantine.jsonl";

    /**
     * What the job needs.
     *
     * @param task        the opened task
     * @param pretrained  the pre-training checkpoint the encoder starts from
     * @param text        its tokenizer
     * @param out         the run directory
     * @param settings    the fine-tuning settings
     * @param config      the whole configuration (the actors' dispatchers)
     * @param resume      continue the run in {@code out} from its newest checkpoint
     * @param interactive draw a progress bar (a terminal) rather than progress lines
     */
    public record Plan(OpenedTask task, Path pretrained, TextEncoder text, Path out, FinetuneSettings settings, Config config, boolean resume,
                       boolean interactive) {
        public Plan {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(pretrained, "pretrained");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * What the run did.
     *
     * @param status        completed, or stopped by a signal (then there are no scores; resume it)
     * @param message       how it ended
     * @param updates       updates done (all launches)
     * @param examples      examples trained on (all launches)
     * @param trainSeconds  time in updates (all launches; mining included)
     * @param waitSeconds   time the trainer waited for a batch (all launches)
     * @param mineSeconds   of the training time of this launch, mining hard negatives with the live model
     * @param updateSeconds of the training time of this launch, forward, backward and update
     * @param finalLoss     mean loss over the last logged interval
     * @param checkpoint    the task checkpoint ({@code ckpt/} when completed, the newest checkpoint when stopped)
     * @param scores        each evaluated split's figures
     * @param baselines     the baseline's figures per split (empty without one)
     */
    public record Outcome(RunOutcome.Status status, String message, long updates, long examples, double trainSeconds, double waitSeconds,
                          double mineSeconds, double updateSeconds, double finalLoss, Path checkpoint,
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

        Run(Task<E> task) {
            this.task = task;
        }

        Outcome run() throws IOException {
            long t0 = System.nanoTime();
            Path runDir = plan.out();
            Path checkpoints = runDir.resolve(CHECKPOINTS);
            Files.createDirectories(runDir);
            List<E> train = readTraining();
            long total = s.totalSteps(train.size());
            long warmup = Math.round(s.warmup() * total);
            long perEpoch = (train.size() + s.batchSize() - 1) / s.batchSize();
            String fingerprint = fingerprint(train.size());
            FineTuneSettings engine = new FineTuneSettings(new Optimizer.Settings(new LearningRateSchedule(s.learningRate(), warmup, total),
                    s.maxGradNorm(), new AdamW.Settings(0.9, 0.999, 1e-8, s.weightDecay())), s.workers(), s.maxExamplesPerPass(), s.seed());

            RunState start;
            FineTuner tuner;
            if (plan.resume()) {
                Path from = Checkpointer.latest(checkpoints);
                if (from == null) {
                    throw new UsageError("--resume: " + runDir + " has no checkpoint yet (" + checkpoints.resolve(Checkpointer.LATEST) + " is missing)");
                }
                start = RunState.read(from);
                if (!start.fingerprint().equals(fingerprint)) {
                    throw new UsageError("--resume: the task, data, pre-trained checkpoint or the settings that decide the updates differ from "
                            + from + "'s (fingerprint " + fingerprint + " vs " + start.fingerprint() + "); only unimo.finetune.validate-every, "
                            + ".evaluate, .baseline, .log-every and .predict-batch may change on resume");
                }
                tuner = FineTuner.resume(from, task.head(), engine);
                err.printf("finetune %s: resuming %s after update %d (%s)%n", name, runDir, start.step(), from);
            } else {
                if (Files.exists(checkpoints)) {
                    err.printf("finetune %s: replacing the earlier run's checkpoints in %s (continue a stopped run with --resume instead)%n", name,
                            checkpoints);
                    FileTrees.deleteTree(checkpoints);
                }
                start = new RunState(0, s.seed(), DataPosition.start(), fingerprint, 0, 0, 0);
                TaskModel model = TaskModel.fromPretrained(plan.pretrained(), task.head(), s.seed(), DataType.FLOAT,
                        c -> s.dropout() < 0 ? c : c.withDropout(s.dropout(), s.dropout()));
                tuner = new FineTuner(model, engine);
            }
            err.printf("finetune %s: %d training examples, %d updates of %d (%d epoch%s), warm-up %d, peak learning rate %.3g%n",
                    name, train.size(), total, s.batchSize(), s.epochs(), s.epochs() == 1 ? "" : "s", warmup, s.learningRate());
            err.flush();

            PredictorSettings predict = new PredictorSettings(s.predictBatch(), s.workers());
            TaskSnapshot.Shadows shadows = new TaskSnapshot.Shadows(tuner.model(), engine.optimizer(), s.seed(), this::writeExtras);
            TaskStep step = new TaskStep(tuner, new TaskPredictor(tuner.model(), plan.text(), predict), plan.task().miner().orElse(null), shadows);
            Path quarantineFile = runDir.resolve(QUARANTINE);
            try (TaskEvaluations evaluations = new TaskEvaluations(plan.task(), plan.text(), predict, runDir.resolve(RunFiles.RESULTS), s.baseline(),
                    err);
                 Quarantine quarantine = Quarantine.toFile(quarantineFile)) {
                SlotSource<E> source = TaskExamples.source(train, name + " training split of " + plan.task().context().dataDir(), s.seed());
                long evaluateEvery = s.validateEvery() > 0 ? s.validateEvery() : s.validateEvery() == 0 && total > perEpoch ? perEpoch : 0;
                Path metricsFile = runDir.resolve(MetricsLog.FILE);
                MetricsLog log = start.step() > 0 ? MetricsLog.resume(metricsFile, start.step()) : MetricsLog.create(metricsFile);
                RunReporter reporter = new RunReporter("finetune " + name, err, log, runDir.resolve(CHARTS), plan.interactive(), 60);
                StepLines lines = new StepLines(step, total, perEpoch);
                RunPlan<E, List<EncodedExample>, TaskSnapshot> runPlan = new RunPlan<>(
                        List.of(new RunPlan.StreamPlan<E, E>(source, null, null, CHUNK)), new TaskBatchAssembler<>(task, s.batchSize()), step,
                        evaluateEvery > 0 ? List.of(evaluations.validation()) : List.of(), evaluations.finals(s.evaluate()),
                        new Trainer.Schedule(total, perEpoch, evaluateEvery), start, checkpoints, 2, quarantine, both(reporter, lines),
                        new Batcher.Settings(2, CHUNK, 1000),
                        new RunPlan.Dispatchers("unimo-dispatchers.trainer", PretrainJob.DATA_DISPATCHER, "unimo-dispatchers.evaluator",
                                "unimo-dispatchers.checkpointer"));
                RunOutcome o = launch(runPlan, checkpoints, t0);
                return finish(o, step, evaluations, lines, runDir, t0);
            } finally {
                step.close();
            }
        }

        private Outcome finish(RunOutcome o, TaskStep step, TaskEvaluations evaluations, StepLines lines, Path runDir, long t0) {
            switch (o.status()) {
                case COMPLETED -> { }
                case STOPPED -> {
                    err.printf("finetune %s: %s; the checkpoint is %s; continue with the same command and --resume%n", name, o.message(),
                            o.lastCheckpoint());
                    err.flush();
                    return outcome(o, step, lines, o.lastCheckpoint(), Map.of(), Map.of());
                }
                case DIVERGED -> throw new IllegalStateException("finetune " + name + ": " + o.message() + "; lower unimo.finetune.learning-rate (now "
                        + s.learningRate() + ")");
                case FAILED -> throw new IllegalStateException("finetune " + name + " failed: " + o.message(), o.cause());
            }
            Path ckpt = runDir.resolve(RunFiles.CHECKPOINT);
            try {
                FileTrees.deleteTree(ckpt);
                copyTree(o.lastCheckpoint(), ckpt);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + o.lastCheckpoint() + " to " + ckpt + ": " + e.getMessage(), e);
            }
            Map<Split, TaskScoring.SplitResult> scores = evaluations.scores();
            Map<Split, MetricReport> baselines = evaluations.baselines();
            Outcome result = outcome(o, step, lines, ckpt, scores, baselines);
            err.printf(Locale.ROOT, "finetune %s: checkpoint %s (%d updates, %.1f s of training: %.1f s updates, %.1f s mining negatives; "
                            + "%.1f s waiting for batches)%n", name, ckpt, result.updates(), result.trainSeconds(), result.updateSeconds(),
                    result.mineSeconds(), result.waitSeconds());
            err.flush();
            scores.forEach((split, sr) -> TaskScoring.print(out, sr.report(), baselines.get(split)));
            writeMetrics(result, (System.nanoTime() - t0) / 1e9);
            return result;
        }

        private Outcome outcome(RunOutcome o, TaskStep step, StepLines lines, Path checkpoint, Map<Split, TaskScoring.SplitResult> scores,
                                Map<Split, MetricReport> baselines) {
            RunState state = o.lastCheckpoint() == null ? null : RunState.read(o.lastCheckpoint());
            long updates = state == null ? 0 : state.step();
            long examples = state == null ? 0 : state.examples();
            double train = state == null ? 0 : state.trainSeconds();
            double wait = state == null ? 0 : state.waitSeconds();
            return new Outcome(o.status(), o.message(), updates, examples, train, wait, step.mineSeconds(), step.updateSeconds(), lines.lastLoss(),
                    checkpoint, scores, baselines);
        }

        private RunOutcome launch(RunPlan<E, List<EncodedExample>, TaskSnapshot> runPlan, Path checkpoints, long t0) {
            CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
            ActorSystem<RunCoordinator.Command> system = ActorSystem.create(RunCoordinator.create(runPlan, outcome), "unimo-finetune",
                    PretrainJob.akkaConfig(plan.config()));
            // the coordinator completes the outcome; should it fail itself, the system stops, and that ends the run too
            system.getWhenTerminated().thenRun(() -> outcome.complete(new RunOutcome(RunOutcome.Status.FAILED,
                    "the run's actors stopped before the run ended (see the log above)", null, Checkpointer.latest(checkpoints), List.of(), List.of(),
                    List.of(), (System.nanoTime() - t0) / 1e9, null)));
            CountDownLatch reported = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                if (outcome.isDone()) {
                    return;
                }
                err.println();
                err.println("finetune " + name + ": interrupted; stopping after the current update and writing a checkpoint");
                err.flush();
                system.tell(new RunCoordinator.StopRequested("interrupted by a signal"));
                try {
                    reported.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "unimo-finetune-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the run", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the run failed: " + e.getCause(), e.getCause());
            } finally {
                system.terminate();
                try {
                    system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    err.println("finetune: the actor system did not stop within 60 s: " + e);
                }
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waited for this run to end
                }
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

        /**
         * A hash of what decides the updates: the task and its settings, the data, the pre-trained
         * checkpoint, the training examples' count and the fine-tuning settings other than
         * evaluation and logging. A resumed run must match it.
         */
        private String fingerprint(int examples) {
            Map<String, Object> m = new TreeMap<>(s.asMap());
            for (String free : List.of("validate-every", "evaluate", "baseline", "log-every", "predict-batch")) {
                m.remove(free);
            }
            m.put("task", name);
            m.put("task-settings", new TreeMap<>(plan.task().context().settings()));
            m.put("data", plan.task().context().dataDir().toAbsolutePath().normalize().toString());
            m.put("pretrained", plan.pretrained().toAbsolutePath().normalize().toString());
            m.put("examples", examples);
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(m.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(h, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The files every task checkpoint carries beside the model: the tokenizer and the run record. */
        private void writeExtras(Path dir, Map<String, String> runState) {
            RunFiles.copyTokenizer(plan.pretrained(), dir);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("task", name);
            doc.put("plugin", plan.task().plugin().info().id() + " " + plan.task().plugin().info().version());
            doc.put("pretrained", plan.pretrained().toAbsolutePath().normalize().toString());
            doc.put("data", plan.task().context().dataDir().toAbsolutePath().normalize().toString());
            doc.put("head", String.valueOf(task.head()));
            doc.put("updates", Long.parseLong(runState.getOrDefault("unimo.run.step", "0")));
            doc.put("settings", s.asMap());
            doc.put("task_settings", plan.task().context().settings());
            TaskScoring.writeJson(dir.resolve(RunFiles.RUN_RECORD), doc);
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

        /**
         * A line every {@code unimo.finetune.log-every} updates (update, epoch, mean loss and training
         * metric of the interval, learning rate, examples/s, ETA), on the trainer's thread.
         */
        private final class StepLines implements RunListener {
            private final TaskStep step;
            private final long total;
            private final long perEpoch;
            private final long started = System.nanoTime();
            private double loss;
            private int steps;
            private long allSteps;
            private long examples;
            private double seconds;
            private double lastLoss = Double.NaN;

            StepLines(TaskStep step, long total, long perEpoch) {
                this.step = step;
                this.total = total;
                this.perEpoch = perEpoch;
            }

            double lastLoss() {
                return lastLoss;
            }

            @Override
            public void step(StepReport r) {
                loss += r.result().total();
                steps++;
                allSteps++;
                examples += r.examples();
                seconds += r.stepSeconds() + r.waitSeconds();
                if (r.step() % s.logEvery() != 0 && r.step() != total) {
                    return;
                }
                lastLoss = loss / steps;
                double rate = examples / Math.max(seconds, 1e-9);
                double eta = (total - r.step()) * (seconds / allSteps);
                long epoch = (r.step() - 1) / perEpoch + 1;
                err.printf(Locale.ROOT, "finetune %s: update %d/%d (epoch %d/%d) loss %.4f %s %.4f lr %.2e %.1f ex/s, %s elapsed, ETA %s%n", name,
                        r.step(), total, epoch, (total + perEpoch - 1) / perEpoch, lastLoss, step.metricName(), step.takeMetric(),
                        r.result().learningRate(), rate, duration((System.nanoTime() - started) / 1e9), duration(eta));
                err.flush();
                loss = 0;
                steps = 0;
            }
        }
    }

    private static final int CHUNK = 64;

    private static RunListener both(RunListener a, RunListener b) {
        return new RunListener() {
            @Override
            public void started(long firstStep, long lastStep) {
                a.started(firstStep, lastStep);
                b.started(firstStep, lastStep);
            }

            @Override
            public void step(StepReport report) {
                a.step(report);
                b.step(report);
            }

            @Override
            public void evaluated(long step, String name, org.unimoj.runtime.train.Evaluation.Result result, double seconds, boolean last) {
                a.evaluated(step, name, result, seconds, last);
                b.evaluated(step, name, result, seconds, last);
            }

            @Override
            public void checkpointed(long step, Path dir, double seconds) {
                a.checkpointed(step, dir, seconds);
                b.checkpointed(step, dir, seconds);
            }

            @Override
            public void message(String line) {
                a.message(line);
                b.message(line);
            }

            @Override
            public void finished() {
                a.finished();
                b.finished();
            }
        };
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }


    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> st = Files.list(from)) {
            for (Path f : st.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }
}
