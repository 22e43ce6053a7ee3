package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unimoj.runtime.ablate.AblationPlan;
import org.unimoj.runtime.ablate.CellResult;
import org.unimoj.runtime.ablate.CellRunner;
import org.unimoj.runtime.ablate.StepRunner;
import org.unimoj.runtime.ablate.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo ablate}: what each source of CMCL's positives and negatives contributes, over seeds. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = {"Run an ablation study of pre-training variants that differ only in their CMCL sources (no CMCL, in-batch",
            "negatives, sentence-level rewriting, phrase/word-level rewriting, retrieved images and texts, new rewriting moves,",
            "leave-one-out), each with several seeds, then probe (true caption vs foils) and fine-tune each on fixed downstream",
            "tasks, and write one table (table.md, table.csv), a chart (chart.png) and study.json into unimo.ablate.out.",
            "Every step is a run of the runtime's own commands (pretrain, probe, finetune); finished cells and steps are",
            "skipped, so running the same command again resumes the study. Settings: unimo.ablate in reference.conf."},
        footer = {"", "Examples:", "  unimo ablate --config examples/ablation.conf",
            "  unimo ablate --config examples/ablation.conf --set unimo.ablate.jobs=2", "  unimo ablate --config examples/ablation.conf --table-only",
            "", "Exit codes: 0 every cell finished, 1 a cell failed (the table holds the others), 2 bad command line or configuration."})
final class AblateCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--cell", paramLabel = "VARIANT:SEED", description = "Run only this cell (what the study's child JVMs do); the shared inputs must exist.")
    String cell;

    @Option(names = "--table-only", description = "Write the table and chart from the cells finished so far; run nothing.")
    boolean tableOnly;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (options.config == null) {
            throw new UsageError("--config is required: the study's file (e.g. examples/ablation.conf) is also the base of every run");
        }
        EvaluateCommand.existing("--config", options.config);
        Config cfg = options.loadConfig();
        AblationPlan plan = AblationPlan.from(cfg, options.config);
        List<String> extraArgs = new ArrayList<>();
        if (options.pluginsDir != null) {
            extraArgs.addAll(List.of("--plugins-dir", options.pluginsDir.toString()));
        }
        List<String> sets = new ArrayList<>();
        for (String s : options.sets) {
            if (!s.strip().startsWith(AblationPlan.SECTION + ".")) {
                sets.add(s); // study settings stay here; the rest goes to every run
            }
        }
        StepRunner runner = StepRunner.inProcess(Unimo::execute);
        if (cell != null) {
            int colon = cell.lastIndexOf(':');
            long seed;
            try {
                seed = Long.parseLong(cell.substring(colon + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new UsageError("--cell " + cell + ": expected VARIANT:SEED");
            }
            String variant = cell.substring(0, colon);
            plan.variant(variant);
            CellResult r = new CellRunner(plan, cfg, sets, extraArgs, runner, (v, s, step, started, seconds, code) ->
                    out.printf("ablate: %s seed %d: %s %s%n", v, s, step, started ? "..." : code == 0 ? "done" : "FAILED (exit " + code + ")"))
                    .run(variant, seed);
            out.println(r.ok() ? "ablate: cell " + cell + " finished" : "ablate: cell " + cell + " failed: " + r.error());
            out.flush();
            return r.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String command = "bin/unimo " + String.join(" ", args.subList(Math.max(0, args.indexOf("ablate")), args.size()));
        StudyRunner.ChildCommand child = heap -> {
            List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + Math.max(1L << 30, heap)));
            String ext = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
            if (!ext.isEmpty()) {
                c.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
            }
            String home = System.getProperty("unimoj.home");
            if (home != null) {
                c.add("-Dunimoj.home=" + home);
            }
            c.addAll(List.of("-cp", System.getProperty("java.class.path"), Unimo.class.getName()));
            return c;
        };
        StudyRunner study = new StudyRunner(plan, cfg, sets, extraArgs, runner, child, command, out);
        if (tableOnly) {
            List<CellResult> done = new ArrayList<>();
            for (long seed : plan.seeds()) {
                for (AblationPlan.Variant v : plan.variants()) {
                    CellRunner.finished(plan, v.name(), seed).ifPresent(done::add);
                }
            }
            if (done.isEmpty()) {
                throw new UsageError("no finished cells under " + plan.out() + " yet");
            }
            study.writeTable(done);
            out.println("ablate: table of " + done.size() + " cells written to " + plan.out());
            out.flush();
            return ExitCodes.OK;
        }
        if (!Files.isDirectory(plan.out())) {
            out.println("ablate: " + plan.variants().size() + " variants x " + plan.seeds().size() + " seeds into " + plan.out());
        }
        List<CellResult> results = study.run();
        return results.stream().allMatch(CellResult::ok) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
