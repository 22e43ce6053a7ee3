package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unimoj.api.config.ConfigKeys;
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
            "  unimo pretrain --resume runs/quickstart", "  unimo pretrain --config examples/quickstart.conf --set unimo.pretrain.steps=100 --show-pipeline",
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
}
