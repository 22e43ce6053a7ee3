package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.runtime.cluster.ClusterRun;
import org.unimoj.runtime.config.Settings;
import org.unimoj.runtime.pipeline.BindingReport;
import org.unimoj.runtime.pipeline.PipelineComposer;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.runtime.pretrain.PretrainJob;
import org.unimoj.runtime.train.actors.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo pretrain}: UNIMO pre-training on text, images and image-text pairs jointly, as an Akka pipeline. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pre-train a unified-modal model on text, images and image-text pairs jointly (Akka pipeline: data loaders,",
            "augmenter pools, batcher, trainer, evaluator, checkpointer). Generates the embedded world when the data directory has",
            "none, trains a tokenizer on its text, pre-trains with masked LM, masked region modelling, seq2seq and CMCL, and ends",
            "with zero-shot image-text retrieval on the held-out test split. Settings: unimo.pretrain in reference.conf.",
            "SIGINT/SIGTERM stops after the current step with a checkpoint; --resume continues with the same losses."},
        footer = {"", "Examples:", "  unimo pretrain --config examples/quickstart.conf",
            "  unimo pretrain --resume runs/quickstart", "  unimo pretrain --config examples/quickstart.conf \\",
            "      --set unimo.pretrain.steps=100 --show-pipeline",
            "  unimo pretrain --cluster --config examples/quickstart.conf \\",
            "      --seed-nodes 10.0.0.1:2551 --host 10.0.0.2 --port 2551 --trainers 3",
            "  unimo pretrain --cluster --config examples/quickstart.conf \\",
            "      --seed-nodes 10.0.0.1:2551 --host 10.0.0.9 --port 2551 --role augmenter",
            "",
            "--cluster starts one member of a multi-node run (Akka Cluster over Artery",
            "TCP, split-brain resolver keep-majority). Give every member the same",
            "--config and --set (data, model, batch, augmentation, optimizer) and the",
            "same --trainers; the data must exist on every member. Each stream (pairs,",
            "texts, images) is cut into --trainers shards; once the trainers are up they",
            "form a ring sorted by address, trainer r reads shard r, every step each",
            "trainer takes the configured batch from its shards, the ring sums the",
            "gradients (ring all-reduce) and all apply the same update. Augmenter",
            "members rewrite and retrieve for the pairs of any trainer. A lost trainer",
            "is downed after about 2 x --failure-timeout; the others take its shards",
            "over where it stood. The run ends when every shard is read once through (or",
            "after --max-steps); run-dir/summary.tsv accounts for every slot.",
            "", "Exit codes: 0 completed or stopped cleanly, 1 failed or diverged (a non-finite loss), 2 bad command line or configuration."})
final class PretrainCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its newest checkpoint, with its own configuration (RUN_DIR/run.conf); "
                    + "--set may change only evaluation, checkpoint, progress and buffering settings.")
    Path resume;

    @Option(names = "--show-pipeline", description = "Print the modules and bindings of the pre-training pipeline and exit.")
    boolean showPipeline;

    @Option(names = "--cluster", description = "Start one member of a multi-node pre-training run (see below).")
    boolean cluster;

    @Option(names = "--seed-nodes", paramLabel = "HOST:PORT", split = ",",
            description = "Cluster: the seed nodes every member joins through (the same list on every member).")
    List<String> seedNodes = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Cluster: this member's host name or address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "-1", description = "Cluster: this member's TCP port.")
    int port;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "trainer",
            description = "Cluster: this member's role: trainer, or augmenter (serves the pairs' rewriting and retrieval to any trainer; default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--trainers", paramLabel = "N", defaultValue = "2",
            description = "Cluster: trainers to wait for before step 1, and shards per stream (default: ${DEFAULT-VALUE}).")
    int trainers;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0",
            description = "Cluster: stop after N steps even if data remain (default: ${DEFAULT-VALUE}: unimo.pretrain.steps).")
    long maxSteps;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Cluster: data-parallel threads on this member (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--bucket-floats", paramLabel = "N", defaultValue = "32768", description = "Cluster: floats per all-reduce message (default: ${DEFAULT-VALUE}).")
    int bucketFloats;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Cluster: the leader writes run-dir/checkpoints/step-N every N steps (0: only checkpoints/final at the end; default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--from-checkpoint", paramLabel = "DIR",
            description = "Cluster: start from a checkpoint the leader wrote (run-dir/checkpoints/...): its parameters, optimizer state, step and data position. Give every member the same one.")
    Path fromCheckpoint;

    @Option(names = "--failure-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Cluster: heartbeat pause before a member is suspected, and the split-brain resolver's stable time (default: ${DEFAULT-VALUE}).")
    double failureTimeout;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", defaultValue = "3600", description = "Cluster: give up (exit 1) after this long (default: ${DEFAULT-VALUE}).")
    double runTimeout;

    @Option(names = "--run-dir", paramLabel = "DIR", defaultValue = "runs/cluster",
            description = "Cluster: where members write member-PORT/{consumed,timings}.tsv and params.f32, and the leader summary.tsv and checkpoints/ (default: ${DEFAULT-VALUE}).")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cluster) {
            return runClusterMember(out);
        }
        Config cfg;
        if (resume != null) {
            if (options.config != null) {
                throw new UsageError("--resume reads the run's own configuration (" + resume.resolve(PretrainJob.RUN_CONF) + "); do not give --config");
            }
            Path conf = resume.resolve(PretrainJob.RUN_CONF);
            if (!Files.isRegularFile(conf)) {
                throw new UsageError("--resume " + resume + ": not a pre-training run directory (no " + PretrainJob.RUN_CONF + ")");
            }
            List<String> sets = new ArrayList<>(options.sets);
            sets.add(ConfigKeys.RUN_DIR + "=" + com.typesafe.config.ConfigUtil.quoteString(resume.toString()));
            cfg = Settings.load(Optional.of(conf), sets);
        } else {
            cfg = options.loadConfig();
        }
        PluginRegistry plugins = options.loadPlugins(cfg);
        if (showPipeline) {
            PipelineComposer.Composition c = PipelineComposer.compose(cfg, plugins, PretrainJob.MODULE_KEYS);
            out.println("modules (later overrides earlier):");
            for (PipelineComposer.Part p : c.parts()) {
                out.printf("  %-34s %s%n", p.origin(), p.module().getClass().getName());
            }
            List<BindingReport.Line> lines = BindingReport.of(PretrainJob.compositionForInspection(cfg, plugins));
            out.println("bindings (" + lines.size() + "):");
            for (BindingReport.Line l : lines) {
                out.println("  " + l.key());
                out.println("      " + l.target() + "  [" + l.scope() + "]");
                out.println("      from " + l.source());
            }
            out.flush();
            return ExitCodes.OK;
        }
        RunOutcome o = new PretrainJob(cfg, plugins, out, err, System.console() != null).run(resume != null);
        return switch (o.status()) {
            case COMPLETED, STOPPED -> ExitCodes.OK;
            case DIVERGED, FAILED -> {
                err.println("pretrain: error: " + o.message());
                err.flush();
                yield ExitCodes.FAILED;
            }
        };
    }

    private int runClusterMember(PrintWriter out) {
        if (resume != null || showPipeline) {
            throw new UsageError("--cluster takes no --resume or --show-pipeline (a cluster run starts again with --from-checkpoint)");
        }
        if (!role.equals(ClusterRun.TRAINER) && !role.equals(ClusterRun.AUGMENTER)) {
            throw new UsageError("--role " + role + ": expected trainer or augmenter");
        }
        if (port < 1 || port > 65535) {
            throw new UsageError("--cluster needs --port N (1..65535)");
        }
        if (seedNodes.isEmpty()) {
            throw new UsageError("--cluster needs --seed-nodes HOST:PORT[,HOST:PORT...]");
        }
        for (String s : seedNodes) {
            if (!s.matches("[^:\\s]+:\\d{1,5}")) {
                throw new UsageError("--seed-nodes: '" + s + "' is not HOST:PORT");
            }
        }
        positive("--trainers", trainers);
        positive("--workers", workers);
        positive("--bucket-floats", bucketFloats);
        if (maxSteps < 0) {
            throw new UsageError("--max-steps " + maxSteps + ": must be 0 (the configuration's steps) or more");
        }
        if (fromCheckpoint != null && !java.nio.file.Files.isRegularFile(fromCheckpoint.resolve(org.unimoj.model.checkpoint.Checkpoint.CONFIG))) {
            throw new UsageError("--from-checkpoint " + fromCheckpoint + ": not a checkpoint directory (no " + org.unimoj.model.checkpoint.Checkpoint.CONFIG + ")");
        }
        if (checkpointEvery < 0) {
            throw new UsageError("--checkpoint-every " + checkpointEvery + ": must be 0 or more");
        }
        if (!(failureTimeout > 0) || !(runTimeout > 0)) {
            throw new UsageError("--failure-timeout and --run-timeout must be positive");
        }
        Config cfg = options.loadConfig();
        PluginRegistry plugins = options.loadPlugins(cfg);
        ClusterRun.Options o = new ClusterRun.Options(host, port, seedNodes, role, trainers, cfg, plugins, maxSteps, workers, bucketFloats,
                checkpointEvery, fromCheckpoint, Duration.ofMillis((long) (failureTimeout * 1000)), Duration.ofMillis((long) (runTimeout * 1000)), runDir,
                System.console() != null);
        try {
            out.println(ClusterRun.run(o, out));
            out.flush();
            return ExitCodes.OK;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster run did not end within --run-timeout " + runTimeout + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new UsageError(option + " " + value + ": must be at least 1");
        }
    }
}
