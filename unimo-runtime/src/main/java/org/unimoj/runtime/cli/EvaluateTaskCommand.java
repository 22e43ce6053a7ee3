package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.MetricReport;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.runtime.finetune.FinetuneSettings;
import org.unimoj.runtime.finetune.OpenedTask;
import org.unimoj.runtime.finetune.RunFiles;
import org.unimoj.runtime.finetune.TaskRef;
import org.unimoj.runtime.finetune.TaskScoring;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.tasks.engine.TaskCheckpoint;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo evaluate task}: scores a fine-tuned task checkpoint (or the task's trivial baseline) on splits of a task's data. */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = {"Score a fine-tuned task checkpoint with its task's metrics, and write each split's results file.",
            "Loads the task plugin, the task checkpoint (with the head the task declares; decoding settings may change) and its "
                + "tokenizer, scores each --split with the task's evaluation and writes the task's official results file into "
                + "--out/results and the figures into --out/metrics.json. With --baseline, scores the task's trivial baseline "
                + "instead (no checkpoint needed)."},
        footer = {"", "Examples:",
            "  unimo evaluate task --task vqa --checkpoint runs/vqa/ckpt --data data/world",
            "  unimo evaluate task --task retrieval --checkpoint runs/retrieval/ckpt --set unimo.task.retrieval.mode=both",
            "  unimo evaluate task --task snli-ve --baseline --data data/world --split val,test"})
final class EvaluateTaskCommand implements Callable<Integer> {

    @Option(names = "--task", paramLabel = "ID[/SUBTASK]", description = "The task (default: the one the checkpoint was fine-tuned for, from its finetune.json).")
    String task;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "The task checkpoint (the ckpt/ of a 'unimo finetune' run).")
    Path checkpoint;

    @Option(names = "--data", paramLabel = "DIR", description = "The task's data directory (default: unimo.data.dir).")
    Path data;

    @Option(names = "--split", split = ",", paramLabel = "SPLIT", description = "Splits to score, comma-separated (default: unimo.finetune.evaluate).")
    List<String> splits = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where results/ and metrics.json go (default: eval/ beside the checkpoint, or unimo.run.dir).")
    Path outDir;

    @Option(names = "--baseline", description = "Score the task's trivial baseline (majority class, chance, ...) instead of a checkpoint.")
    boolean baseline;

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config cfg = options.loadConfig();
        if (!baseline && checkpoint == null) {
            throw new UsageError("give --checkpoint (a task checkpoint), or --baseline");
        }
        if (checkpoint != null && !Files.isDirectory(checkpoint)) {
            throw new UsageError("--checkpoint " + checkpoint + ": no such directory");
        }
        String taskName = task != null ? task : checkpoint == null ? null : RunFiles.recordedTask(checkpoint).orElse(null);
        if (taskName == null) {
            throw new UsageError("give --task (the checkpoint has no " + RunFiles.RUN_RECORD + " naming its task)");
        }
        TaskRef ref = FinetuneCommand.parseTask(taskName);
        UnimoConfig model = null;
        ByteLevelBpeTokenizer text = null;
        if (checkpoint != null) {
            if (!baseline && !TaskCheckpoint.isTaskCheckpoint(checkpoint)) {
                throw new UsageError("--checkpoint " + checkpoint + ": not a task checkpoint (no task.json); fine-tune it first with 'unimo finetune'");
            }
            try {
                model = Checkpoint.readConfig(checkpoint);
            } catch (CheckpointException e) {
                throw new UsageError("--checkpoint " + checkpoint + ": " + e.getMessage());
            }
            text = FinetuneCommand.loadTokenizer(checkpoint);
        }
        Path dataDir = data != null ? data : Path.of(cfg.getString(ConfigKeys.DATA_DIR));
        if (!Files.isDirectory(dataDir)) {
            throw new UsageError("--data " + dataDir + ": no such directory");
        }
        Path runDir = outDir != null ? outDir
                : checkpoint != null ? checkpoint.toAbsolutePath().normalize().getParent().resolve(baseline ? "baseline" : "eval")
                : Path.of(cfg.getString(ConfigKeys.RUN_DIR));
        Files.createDirectories(runDir);
        List<Split> which = new ArrayList<>();
        try {
            for (String s : splits.isEmpty() ? cfg.getStringList(FinetuneSettings.SECTION + ".evaluate") : splits) {
                which.add(Split.parse(s));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError("--split: " + e.getMessage());
        }
        PluginRegistry registry = options.loadPlugins(cfg);
        OpenedTask opened = FinetuneCommand.open(registry, ref, cfg, dataDir, runDir, text, model);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task", ref.fullName());
        doc.put("data", dataDir.toAbsolutePath().normalize().toString());
        Map<String, Object> figures = new LinkedHashMap<>();
        if (baseline) {
            if (opened.baseline().isEmpty()) {
                throw new UsageError("task " + ref + " has no trivial baseline");
            }
            doc.put("baseline", opened.baseline().get().baselineDescription());
            err.printf("evaluate %s: baseline: %s%n", ref, opened.baseline().get().baselineDescription());
            err.flush();
            for (Split split : which) {
                long t0 = System.nanoTime();
                MetricReport r = TaskScoring.baseline(opened, split);
                TaskScoring.print(out, r, null);
                Map<String, Object> m = TaskScoring.json(r);
                m.put("seconds", (System.nanoTime() - t0) / 1e9);
                figures.put(split.fileName(), m);
            }
        } else {
            FinetuneSettings s = FinetuneSettings.from(cfg, Map.of(), "evaluate");
            doc.put("checkpoint", checkpoint.toAbsolutePath().normalize().toString());
            TaskModel m;
            try {
                m = TaskCheckpoint.load(checkpoint, opened.task().head());
            } catch (CheckpointException e) {
                throw new UsageError("--checkpoint " + checkpoint + ": " + e.getMessage());
            }
            err.printf("evaluate %s: checkpoint %s (%s: %d layers, hidden %d), data %s%n", ref, checkpoint, model.name(), model.layers(),
                    model.hidden(), dataDir);
            err.flush();
            try (TaskPredictor predictor = new TaskPredictor(m, text, new PredictorSettings(s.predictBatch(), s.workers()))) {
                for (Split split : which) {
                    TaskScoring.SplitResult r = TaskScoring.score(opened, split, predictor, runDir.resolve(RunFiles.RESULTS), err);
                    TaskScoring.print(out, r.report(), null);
                    out.printf("  results: %s (%.1f s)%n", r.results(), r.seconds());
                    out.flush();
                    Map<String, Object> j = TaskScoring.json(r.report());
                    j.put("seconds", r.seconds());
                    j.put("results", r.results() == null ? null : r.results().toAbsolutePath().normalize().toString());
                    figures.put(split.fileName(), j);
                }
            }
        }
        doc.put("splits", figures);
        Path metrics = runDir.resolve(RunFiles.METRICS);
        TaskScoring.writeJson(metrics, doc);
        out.printf("metrics: %s%n", metrics);
        out.flush();
        return ExitCodes.OK;
    }
}
