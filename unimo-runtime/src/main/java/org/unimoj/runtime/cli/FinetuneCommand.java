package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.runtime.finetune.FinetuneJob;
import org.unimoj.runtime.finetune.FinetuneSettings;
import org.unimoj.runtime.finetune.OpenedTask;
import org.unimoj.runtime.finetune.RunFiles;
import org.unimoj.runtime.finetune.TaskOpener;
import org.unimoj.runtime.finetune.TaskRef;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.runtime.train.actors.Checkpointer;
import org.unimoj.runtime.train.actors.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo finetune}: fine-tunes a pre-trained checkpoint on a task plugin, then scores it. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Fine-tune a pre-trained checkpoint on a downstream task plugin, then score it.",
            "The task reads its training split from --data, the encoder starts from --checkpoint (with its tokenizer), "
                + "a fresh head learns the task (settings: unimo.finetune.*, task settings: unimo.task.<id>.*). "
                + "Training runs on the runtime's actors (loader, batcher, trainer, evaluator, checkpointer), as pre-training does: "
                + "SIGINT/SIGTERM writes a checkpoint, --resume continues. "
                + "At the end the run scores the splits of unimo.finetune.evaluate (and the task's trivial baseline), "
                + "and writes into --out: ckpt/ (the task checkpoint, for 'unimo evaluate task'), results/ (each split's "
                + "results file in the task's official format), checkpoints/ (task checkpoints with the run state), metrics.jsonl (progress), charts/ and metrics.json (the figures)."},
        footer = {"", "Examples:",
            "  unimo finetune --task vqa --checkpoint runs/quickstart --data data/world --out runs/vqa",
            "  unimo finetune --task snli-ve --checkpoint runs/quickstart --data data/world --out runs/snli-ve \\",
            "      --set unimo.finetune.epochs=1 --set unimo.finetune.batch-size=16"})
final class FinetuneCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "ID[/SUBTASK]", description = "The task, as 'unimo plugins list' names it: vqa, retrieval, glue/sst2, ...")
    String task;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "The pre-trained checkpoint (config.json + model.safetensors) with its tokenizer (vocab.json + merges.txt), "
                + "or a pre-training run directory (its newest checkpoint).")
    Path checkpoint;

    @Option(names = "--data", paramLabel = "DIR", description = "The task's data directory (default: unimo.data.dir, the embedded world).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (default: unimo.run.dir). Its ckpt/ is replaced.")
    Path outDir;

    @Option(names = "--resume", description = "Continue the run stopped in --out (SIGINT/SIGTERM writes a checkpoint) from its newest "
            + "checkpoint, with the same task, data, checkpoint and settings; it repeats the losses of an unbroken run.")
    boolean resume;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config cfg = options.loadConfig();
        TaskRef ref = parseTask(task);
        if (!Files.isDirectory(checkpoint)) {
            throw new UsageError("--checkpoint " + checkpoint + ": no such directory");
        }
        // a pre-training run directory stands for its newest checkpoint
        Path newest = Files.isRegularFile(checkpoint.resolve("config.json")) ? null : Checkpointer.latest(checkpoint.resolve("checkpoints"));
        if (newest != null) {
            err.println("finetune: --checkpoint " + checkpoint + " is a run directory; starting from its newest checkpoint " + newest);
            checkpoint = newest;
        }
        UnimoConfig model;
        try {
            model = Checkpoint.readConfig(checkpoint);
        } catch (CheckpointException e) {
            throw new UsageError("--checkpoint " + checkpoint + ": " + e.getMessage());
        }
        ByteLevelBpeTokenizer text = loadTokenizer(checkpoint);
        Path dataDir = data != null ? data : Path.of(cfg.getString(ConfigKeys.DATA_DIR));
        if (!Files.isDirectory(dataDir)) {
            throw new UsageError("--data " + dataDir + ": no such directory");
        }
        Path runDir = outDir != null ? outDir : Path.of(cfg.getString(ConfigKeys.RUN_DIR));
        Files.createDirectories(runDir);
        PluginRegistry registry = options.loadPlugins(cfg);
        OpenedTask opened = open(registry, ref, cfg, dataDir, runDir, text, model);
        FinetuneSettings settings = FinetuneSettings.from(cfg, opened.defaults().map(d -> d.finetuneDefaults()).orElse(Map.of()),
                "task " + ref + " (" + opened.plugin().source() + ")");
        err.printf("finetune %s: plugin %s %s from %s; checkpoint %s (%s: %d layers, hidden %d); data %s; run %s%n", ref,
                opened.plugin().info().id(), opened.plugin().info().version(), opened.plugin().source(), checkpoint, model.name(),
                model.layers(), model.hidden(), dataDir, runDir);
        err.printf("finetune %s: settings %s%n", ref, describe(settings));
        err.flush();
        long t0 = System.nanoTime();
        FinetuneJob.Outcome o = new FinetuneJob(new FinetuneJob.Plan(opened, checkpoint, text, runDir, settings, cfg, resume,
                System.console() != null), out, err).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (o.status() == RunOutcome.Status.STOPPED) {
            out.printf("finetune %s: %s after %.1f s; checkpoint %s; continue with the same command and --resume%n", ref, o.message(), wall,
                    o.checkpoint());
            out.flush();
            return ExitCodes.OK;
        }
        out.printf("finetune %s: done in %.1f s: %d updates, %d examples (%.1f examples/s of training), final loss %.4f%n", ref, wall,
                o.updates(), o.examples(), o.examples() / Math.max(o.trainSeconds(), 1e-9), o.finalLoss());
        out.printf("  checkpoint: %s%n", o.checkpoint());
        o.scores().forEach((split, sr) -> {
            Map.Entry<String, Double> p = sr.report().primary();
            String base = o.baselines().containsKey(split) ? String.format(" (baseline %.4f)", o.baselines().get(split).values().getOrDefault(p.getKey(), Double.NaN)) : "";
            out.printf("  %s: %s %.4f%s%s%n", split.fileName(), p.getKey(), p.getValue(), base,
                    sr.results() == null ? "" : ", results " + sr.results());
        });
        out.printf("  metrics: %s, log: %s%n", runDir.resolve(RunFiles.METRICS), runDir.resolve(RunFiles.LOG));
        out.flush();
        return ExitCodes.OK;
    }

    static TaskRef parseTask(String s) {
        try {
            return TaskRef.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--task: " + e.getMessage());
        }
    }

    static ByteLevelBpeTokenizer loadTokenizer(Path dir) {
        try {
            return ByteLevelBpeTokenizer.load(dir);
        } catch (RuntimeException e) {
            String m = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause().getMessage() : e.getMessage();
            throw new UsageError("--checkpoint " + dir + ": no usable tokenizer (vocab.json + merges.txt, or tokenizer.json): " + m);
        }
    }

    static OpenedTask open(PluginRegistry registry, TaskRef ref, Config cfg, Path dataDir, Path workDir, ByteLevelBpeTokenizer text,
                           UnimoConfig model) {
        try {
            return TaskOpener.open(registry, ref, cfg, dataDir, workDir, text, model);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static String describe(FinetuneSettings s) {
        StringBuilder b = new StringBuilder();
        s.asMap().forEach((k, v) -> {
            String src = s.sources().get(k);
            b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            if (src != null && !src.equals("default")) {
                b.append(" (").append(src).append(')');
            }
        });
        return b.toString();
    }
}
