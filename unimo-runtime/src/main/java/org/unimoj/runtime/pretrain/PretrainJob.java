package org.unimoj.runtime.pretrain;

import akka.actor.typed.ActorSystem;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.data.io.Quarantine;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.EngineThreads;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pipeline.PipelineComposer;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;
import org.unimoj.runtime.pretrain.augment.SingleModal;
import org.unimoj.runtime.pretrain.data.DataFiles;
import org.unimoj.runtime.pretrain.data.PretrainSources;
import org.unimoj.runtime.pretrain.step.PretrainSnapshot;
import org.unimoj.runtime.pretrain.step.PretrainStep;
import org.unimoj.runtime.train.DataPosition;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.actors.AugmenterPool;
import org.unimoj.runtime.train.actors.Batcher;
import org.unimoj.runtime.train.actors.Checkpointer;
import org.unimoj.runtime.train.actors.RunCoordinator;
import org.unimoj.runtime.train.actors.RunOutcome;
import org.unimoj.runtime.train.actors.RunPlan;
import org.unimoj.runtime.train.actors.Trainer;
import org.unimoj.runtime.train.report.Charts;
import org.unimoj.runtime.train.report.MetricsLog;
import org.unimoj.runtime.train.report.RunReporter;

/**
 * A pre-training run from start to end: prepares the world, the tokenizer and the model (fresh, or
 * from the run's newest checkpoint), composes the pipeline's Guice modules, starts the actors
 * ({@link RunCoordinator}), stops them cleanly on SIGINT/SIGTERM, and writes the run summary.
 *
 * <p>The run directory:
 * <pre>
 *   run.conf                 the run's whole configuration (a resumed run reads it back)
 *   tokenizer/               vocab.json, merges.txt
 *   checkpoints/step-NNNNNNNN/  config.json, model.safetensors, optimizer.safetensors, run-state.json,
 *                            vocab.json, merges.txt; checkpoints/latest names the newest
 *   metrics.jsonl            one line per step, evaluation and checkpoint
 *   charts/loss.png, charts/eval.png
 *   quarantine.jsonl         bad records and records an augmenter crashed on, with the reason
 *   summary.json             the run summary
 * </pre>
 */
public final class PretrainJob {

    public static final String RUN_CONF = "run.conf";
    public static final String TOKENIZER = "tokenizer";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String CHARTS = "charts";
    public static final String QUARANTINE = "quarantine.jsonl";

    /** The modules lists a pre-training pipeline is composed from, after unimo.pipeline.modules. */
    public static final List<String> MODULE_KEYS = List.of("unimo.pretrain.modules");

    private final Config config;
    private final PretrainSettings settings;
    private final PluginRegistry plugins;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    /**
     * @param config      the run's configuration (for a resume, the run's run.conf with the overrides)
     * @param interactive draw a progress bar (a terminal) rather than progress lines
     */
    public PretrainJob(Config config, PluginRegistry plugins, PrintWriter out, PrintWriter err, boolean interactive) {
        this.config = config;
        this.settings = PretrainSettings.from(config);
        this.plugins = plugins;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public PretrainSettings settings() {
        return settings;
    }

    /**
     * Settles a run's context without starting it (what a cluster member trains on): the data must
     * exist (members never generate a world, they would race), the tokenizer is read from or trained
     * into {@code tokenizerDir}, deterministically, so every member gets the same.
     */
    public static PretrainContext prepareExisting(PretrainSettings settings, Path tokenizerDir, Quarantine quarantine, PrintWriter err) {
        Preparation prep = new Preparation(settings, err);
        DataFiles files = DataFiles.of(settings).requireExisting();
        ByteLevelBpeTokenizer tokenizer = prep.tokenizer(files, tokenizerDir);
        int[] shape = Preparation.featureShape(files.pairFeatures());
        UnimoConfig modelConfig = prep.modelConfig(tokenizer, shape[0], shape[1]);
        return new PretrainContext(settings, files, tokenizer, tokenizerDir, modelConfig, quarantine, err);
    }

    /** Runs (or, with {@code resume}, continues) the run in {@code unimo.run.dir}; returns how it ended. */
    public RunOutcome run(boolean resume) {
        long t0 = System.nanoTime();
        Path runDir = settings.runDir();
        Path checkpoints = runDir.resolve(CHECKPOINTS);
        String fingerprint = Fingerprint.of(config);
        RunState start;
        Path resumedFrom = null;
        if (resume) {
            resumedFrom = Checkpointer.latest(checkpoints);
            if (resumedFrom == null) {
                throw new UsageError("--resume " + runDir + ": no checkpoint there yet (" + checkpoints.resolve(Checkpointer.LATEST) + " is missing)");
            }
            start = RunState.read(resumedFrom);
            if (!start.fingerprint().equals(fingerprint)) {
                throw new UsageError("--resume " + runDir + ": the settings that decide data, model and updates differ from the checkpoint's "
                        + "(fingerprint " + fingerprint + " vs " + start.fingerprint() + "); only unimo.pretrain.eval, .checkpoint, .progress, "
                        + ".pipeline and the augmenter pool sizes may change on resume");
            }
        } else {
            if (Checkpointer.latest(checkpoints) != null) {
                throw new UsageError("run directory " + runDir + " already holds a run; continue it with 'unimo pretrain --resume " + runDir
                        + "' or set unimo.run.dir to a new directory");
            }
            start = new RunState(0, settings.seed(), DataPosition.start(), fingerprint, 0, 0, 0);
            writeRunConf(runDir);
        }

        Preparation prep = new Preparation(settings, err);
        prep.world();
        DataFiles files = DataFiles.of(settings).requireExisting();
        ByteLevelBpeTokenizer tokenizer = prep.tokenizer(files, runDir.resolve(TOKENIZER));
        int[] shape = Preparation.featureShape(files.pairFeatures());
        UnimoConfig modelConfig = prep.modelConfig(tokenizer, shape[0], shape[1]);
        if (resumedFrom != null && !Checkpoint.readConfig(resumedFrom).equals(modelConfig)) {
            throw new UsageError("--resume: the checkpoint's model configuration differs from this run's: " + Checkpoint.readConfig(resumedFrom));
        }
        Path quarantineFile = runDir.resolve(resume ? "quarantine-resumed-at-" + start.step() + ".jsonl" : QUARANTINE);
        Quarantine quarantine = Quarantine.toFile(quarantineFile);
        PretrainContext context = new PretrainContext(settings, files, tokenizer, runDir.resolve(TOKENIZER), modelConfig, quarantine, err);

        Injector injector = Guice.createInjector(composition(config, plugins, context));
        PretrainSources sources = injector.getInstance(PretrainSources.class);
        PairAugmentation augmentation = injector.getInstance(PairAugmentation.class);
        PretrainBatching batching = injector.getInstance(PretrainBatching.class);
        PretrainEvaluations evaluations = injector.getInstance(PretrainEvaluations.class);

        EngineThreads.singleThreadedOps();
        UnimoPretrainModel model = resumedFrom != null ? Checkpoint.loadPretrainModel(resumedFrom, DataType.FLOAT)
                : UnimoPretrainModel.create(modelConfig, DataType.FLOAT, settings.seed());
        Optimizer optimizer = new Optimizer(model.parameters(), optimizerSettings(), LossScaler.fixed(1.0));
        if (resumedFrom != null) {
            Checkpoint.loadOptimizer(resumedFrom, optimizer, model.parameters());
            err.println("pretrain: resuming " + runDir + " after step " + start.step() + " (" + resumedFrom + ")");
            err.flush();
        }
        PretrainStep step = new PretrainStep(model, optimizer, settings.workers(), settings.seed(), context.tokenizerDir());
        try {
            return launch(start, step, context, sources, augmentation, batching, evaluations, quarantineFile, t0);
        } finally {
            step.close();
            sources.close();
            if (augmentation instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    err.println("pretrain: closing the augmentation: " + e);
                }
            }
            quarantine.close();
        }
    }

    private RunOutcome launch(RunState start, PretrainStep step, PretrainContext context, PretrainSources sources, PairAugmentation augmentation,
                              PretrainBatching batching, PretrainEvaluations evaluations, Path quarantineFile, long t0) {
        Path runDir = settings.runDir();
        Encoders enc = context.encoders();
        PretrainSettings.Augment a = settings.augment();
        int chunk = settings.pipeline().chunk();
        AugmenterPool.Settings pairPool = new AugmenterPool.Settings(a.augmenters(), a.perAugmenter(), a.capacity(), chunk, a.maxRestarts(),
                a.restartWindow(), DATA_DISPATCHER);
        AugmenterPool.Settings singlePool = new AugmenterPool.Settings(1, a.perAugmenter(), a.capacity(), chunk, a.maxRestarts(), a.restartWindow(),
                DATA_DISPATCHER);
        List<RunPlan.StreamPlan<?, PretrainExample>> streams = new ArrayList<>();
        PretrainSettings.Batch b = settings.batch();
        if (b.pairs() > 0) {
            streams.add(new RunPlan.StreamPlan<>(sources.pairs(), () -> augmentation.newTransform(enc), pairPool, chunk));
        }
        if (b.texts() > 0) {
            streams.add(new RunPlan.StreamPlan<>(sources.texts(), () -> SingleModal.texts(enc), singlePool, chunk));
        }
        if (b.images() > 0) {
            streams.add(new RunPlan.StreamPlan<>(sources.images(), () -> SingleModal.images(enc), singlePool, chunk));
        }
        err.println("pretrain: model " + context.model().layers() + " layers x " + context.model().hidden() + " hidden, vocabulary "
                + context.model().vocabSize() + ", " + step.model().parameters().size() + " parameters; " + settings.steps() + " steps of batches of "
                + b.maxExamples() + " examples at most; augmentation " + augmentation.describe() + "; batches " + batching.describe());
        err.flush();
        List<org.unimoj.runtime.train.Evaluation<PretrainSnapshot>> periodic = evaluations.periodic(context);
        List<org.unimoj.runtime.train.Evaluation<PretrainSnapshot>> last = evaluations.last(context);
        Path metricsFile = runDir.resolve(MetricsLog.FILE);
        MetricsLog log = start.step() > 0 ? MetricsLog.resume(metricsFile, start.step()) : MetricsLog.create(metricsFile);
        RunReporter reporter = new RunReporter(err, log, runDir.resolve(CHARTS), interactive, settings.progressLineSeconds());
        RunPlan<PretrainExample, PretrainBatch, PretrainSnapshot> plan = new RunPlan<>(streams, batching.assembler(context), step, periodic, last,
                new Trainer.Schedule(settings.steps(), settings.checkpointEvery(), settings.eval().every()), start, runDir.resolve(CHECKPOINTS),
                settings.keepCheckpoints(), context.quarantine(), reporter,
                new Batcher.Settings(settings.pipeline().prefetch(), chunk, settings.pipeline().maxGapsInARow()),
                new RunPlan.Dispatchers("unimo-dispatchers.trainer", DATA_DISPATCHER, "unimo-dispatchers.evaluator", "unimo-dispatchers.checkpointer"));

        CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        ActorSystem<RunCoordinator.Command> system = ActorSystem.create(RunCoordinator.create(plan, outcome), "unimo-pretrain", akkaConfig(config));
        // the coordinator completes the outcome; should it fail itself, the system stops, and that ends the run too
        system.getWhenTerminated().thenRun(() -> outcome.complete(new RunOutcome(RunOutcome.Status.FAILED,
                "the run's actors stopped before the run ended (see the log above)", null, Checkpointer.latest(runDir.resolve(CHECKPOINTS)), List.of(),
                List.of(), List.of(), (System.nanoTime() - t0) / 1e9, null)));
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (outcome.isDone()) {
                return;
            }
            err.println();
            err.println("pretrain: interrupted; stopping after the current step and writing a checkpoint");
            err.flush();
            system.tell(new RunCoordinator.StopRequested("interrupted by a signal"));
            try {
                reported.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unimo-pretrain-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome o;
        try {
            o = outcome.get();
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
                err.println("pretrain: the actor system did not stop within 60 s: " + e);
            }
        }
        try {
            new RunSummary(settings, runDir, quarantineFile, start, (System.nanoTime() - t0) / 1e9).report(o, out);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waited for this report
            }
        }
        return o;
    }

    public static final String DATA_DISPATCHER = "unimo-dispatchers.data";

    /** Akka's settings for a run: no JVM hooks of its own (the run's hook checkpoints first), logging through SLF4J. */
    public static Config akkaConfig(Config config) {
        return ConfigFactory.parseString(String.join("\n",
                "akka.jvm-shutdown-hooks = off",
                "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                "akka.coordinated-shutdown.exit-jvm = off",
                "akka.loggers = [\"akka.event.slf4j.Slf4jLogger\"]",
                "akka.logging-filter = \"akka.event.slf4j.Slf4jLoggingFilter\"",
                "akka.loglevel = WARNING",
                "akka.stdout-loglevel = OFF",
                "akka.log-dead-letters = 10",
                "akka.log-dead-letters-during-shutdown = off")).withFallback(config);
    }

    private Optimizer.Settings optimizerSettings() {
        return optimizerSettings(settings);
    }

    /** The optimizer of a run: AdamW with warmup and linear decay over the run's steps, clipped. */
    public static Optimizer.Settings optimizerSettings(PretrainSettings settings) {
        PretrainSettings.Optim o = settings.optimizer();
        long warmup = Math.round(o.warmup() * settings.steps());
        return new Optimizer.Settings(new LearningRateSchedule(o.learningRate(), warmup, settings.steps()), o.maxGradNorm(),
                new AdamW.Settings(o.beta1(), o.beta2(), o.epsilon(), o.weightDecay()));
    }

    /** The pipeline's modules (runtime, unimo.pipeline.modules, unimo.pretrain.modules, plugins) with the run's context. */
    public static Module composition(Config config, PluginRegistry plugins, PretrainContext context) {
        PipelineComposer.Composition c = PipelineComposer.compose(config, plugins, MODULE_KEYS);
        return com.google.inject.util.Modules.combine(c.module(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(PretrainContext.class).toInstance(context);
            }
        });
    }

    /** The composition with a stand-in context, for listing bindings (Guice's TOOL stage builds nothing). */
    public static Module compositionForInspection(Config config, PluginRegistry plugins) {
        PipelineComposer.Composition c = PipelineComposer.compose(config, plugins, MODULE_KEYS);
        return com.google.inject.util.Modules.combine(c.module(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(PretrainContext.class).toProvider(() -> {
                    throw new IllegalStateException("the run's context exists only in a run");
                });
            }
        });
    }

    private void writeRunConf(Path runDir) {
        try {
            Files.createDirectories(runDir);
            String body = config.getConfig("unimo").root().render(ConfigRenderOptions.concise().setJson(false).setFormatted(true));
            Files.writeString(runDir.resolve(RUN_CONF), "# The configuration of this run, as it started; 'unimo pretrain --resume' reads it.\nunimo {\n"
                    + body + "\n}\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(RUN_CONF), e);
        }
    }
}
