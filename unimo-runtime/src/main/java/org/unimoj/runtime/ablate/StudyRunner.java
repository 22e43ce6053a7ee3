package org.unimoj.runtime.ablate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a whole study: the shared inputs first (the world, each variant's offline augmentation of
 * the training pairs, the probe's foils on the test split; each skipped when it exists), then every
 * cell, seed by seed (so an interrupted study already has whole seeds), in this JVM or in
 * {@code jobs} child JVMs at once, then the table ({@code table.md}, {@code table.csv}), the chart
 * ({@code chart.png}) and {@code study.json} in the output directory. Cells finished by an earlier
 * run are read, not run again.
 */
public final class StudyRunner {

    public static final String TABLE_MD = "table.md";
    public static final String TABLE_CSV = "table.csv";
    public static final String CHART = "chart.png";
    public static final String STUDY = "study.json";

    /** How a child JVM is started for one cell (jobs > 1): the command line before the launcher's arguments. */
    public interface ChildCommand {
        List<String> javaCommand(long maxHeapBytes);
    }

    private final AblationPlan plan;
    private final Config base;
    private final List<String> extraSets;
    private final List<String> extraArgs;
    private final StepRunner runner;
    private final ChildCommand child;
    private final String commandLine;
    private final PrintWriter out;
    private String startCommit;
    private boolean startDirty;

    public StudyRunner(AblationPlan plan, Config base, List<String> extraSets, List<String> extraArgs, StepRunner runner, ChildCommand child,
                       String commandLine, PrintWriter out) {
        this.plan = plan;
        this.base = base;
        this.extraSets = List.copyOf(extraSets);
        this.extraArgs = List.copyOf(extraArgs);
        this.runner = runner;
        this.child = child;
        this.commandLine = commandLine;
        this.out = out;
    }

    /** Prepares, runs every cell and writes the table; returns the cells' results (failed ones included). */
    public List<CellResult> run() {
        long t0 = System.nanoTime();
        startCommit = git("rev-parse", "HEAD"); // the code that runs the study, whatever is committed while it runs
        startDirty = !git("status", "--porcelain", "--untracked-files=no").isEmpty();
        prepare();
        List<String[]> cells = new ArrayList<>();
        for (long seed : plan.seeds()) {
            for (AblationPlan.Variant v : plan.variants()) {
                cells.add(new String[] {v.name(), Long.toString(seed)});
            }
        }
        int total = cells.size();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger ranHere = new AtomicInteger();
        long cellsStart = System.nanoTime();
        List<CellResult> results = new ArrayList<>();
        List<String[]> todo = new ArrayList<>();
        for (String[] c : cells) {
            var earlier = CellRunner.finished(plan, c[0], Long.parseLong(c[1]));
            if (earlier.isPresent() && earlier.get().ok()) {
                results.add(earlier.get());
                done.incrementAndGet();
            } else {
                todo.add(c);
            }
        }
        if (!results.isEmpty()) {
            say("ablate: %d of %d cells finished by an earlier run; %d to run", results.size(), total, todo.size());
        }
        CellRunner.Listener listener = (variant, seed, step, started, seconds, code) -> {
            if (started) {
                say("ablate: [%d/%d] %s seed %d: %s ...", done.get() + 1, total, variant, seed, step);
            } else {
                say("ablate: [%d/%d] %s seed %d: %s %s in %s", done.get() + 1, total, variant, seed, step, code == 0 ? "done" : "FAILED (exit " + code + ")",
                        clock(seconds));
            }
        };
        java.util.function.Consumer<CellResult> finished = r -> {
            int d = done.incrementAndGet();
            int here = ranHere.incrementAndGet();
            double elapsed = (System.nanoTime() - cellsStart) / 1e9;
            double eta = elapsed / here * (total - d); // cells finished per second so far, whatever the parallelism
            say("ablate: cell %d/%d %s seed %d %s in %s; study %s elapsed, ETA %s", d, total, r.variant(), r.seed(),
                    r.ok() ? "finished" : "FAILED: " + r.error(), clock(r.totalSeconds()), clock((System.nanoTime() - t0) / 1e9), clock(eta));
        };
        if (plan.jobs() == 1) {
            CellRunner cr = new CellRunner(plan, base, extraSets, extraArgs, runner, listener);
            for (String[] c : todo) {
                CellResult r = cr.run(c[0], Long.parseLong(c[1]));
                results.add(r);
                finished.accept(r);
            }
        } else {
            results.addAll(inChildren(todo, finished));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        AblationTable table = AblationTable.of(plan, results);
        writeOutputs(table, results, seconds);
        say("ablate: %d cells (%d failed) in %s; table %s, chart %s", results.size(), results.stream().filter(r -> !r.ok()).count(),
                clock(seconds), plan.out().resolve(TABLE_MD), plan.out().resolve(CHART));
        return results;
    }

    /** The world, each distinct offline augmentation and the foils; each skipped when present. */
    void prepare() {
        Path world = plan.data();
        if (!Files.isRegularFile(world.resolve("world.json"))) {
            long seed = base.getLong("unimo.pretrain.world.seed");
            seed = seed == 0 ? base.getLong("unimo.seed") : seed;
            require(List.of("generate-world", "--out", world.toString(), "--images", Integer.toString(base.getInt("unimo.pretrain.world.images")),
                    "--feature-dim", Integer.toString(base.getInt("unimo.pretrain.world.feature-dim")),
                    "--max-regions", Integer.toString(base.getInt("unimo.pretrain.world.max-regions")), "--seed", Long.toString(seed), "--quiet"),
                    "world " + world);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (AblationPlan.Variant v : plan.variants()) {
            if (v.augment().isEmpty() || !keys.add(v.augmentKey())) {
                continue;
            }
            Path dir = CellRunner.augmentFile(plan, v).getParent();
            if (Files.isRegularFile(dir.resolve("summary.json"))) {
                continue;
            }
            List<String> a = new ArrayList<>(List.of("augment", "--config", plan.config().toString(), "--in", world.toString(), "--out", dir.toString(),
                    "--split", base.getString("unimo.pretrain.data.pairs-split"), "--rewriters", String.join(",", v.augment()),
                    "--related-images", Integer.toString(base.getInt("unimo.pretrain.augment.related-images")),
                    "--related-texts", Integer.toString(base.getInt("unimo.pretrain.augment.related-texts")),
                    "--seed", Long.toString(base.getLong("unimo.seed")), "--force", "--quiet"));
            a.addAll(extraArgs);
            require(a, "augmentation '" + v.augmentKey() + "'");
        }
        if (!plan.probeTypes().isEmpty()) {
            Path dir = CellRunner.foilsFile(plan).getParent();
            if (!Files.isRegularFile(dir.resolve("summary.json"))) {
                List<String> a = new ArrayList<>(List.of("augment", "--config", plan.config().toString(), "--in", world.toString(), "--out", dir.toString(),
                        "--split", "test", "--rewriters", String.join(",", plan.probeTypes()), "--related-images", "0", "--related-texts", "0",
                        "--seed", Long.toString(base.getLong("unimo.seed")), "--force", "--quiet"));
                a.addAll(extraArgs);
                require(a, "probe foils");
            }
        }
    }

    private void require(List<String> args, String what) {
        Path log = plan.out().resolve("prepare.log");
        say("ablate: preparing %s ...", what);
        long t0 = System.nanoTime();
        int code = runner.run(args, log);
        if (code != 0) {
            throw new IllegalStateException("preparing " + what + " failed (exit " + code + "); see " + log);
        }
        say("ablate: prepared %s in %s", what, clock((System.nanoTime() - t0) / 1e9));
    }

    private List<CellResult> inChildren(List<String[]> todo, java.util.function.Consumer<CellResult> finished) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / plan.jobs());
        long heap = Runtime.getRuntime().maxMemory() / plan.jobs();
        ExecutorService pool = Executors.newFixedThreadPool(plan.jobs());
        List<Future<CellResult>> futures = new ArrayList<>();
        for (String[] c : todo) {
            futures.add(pool.submit(() -> {
                long seed = Long.parseLong(c[1]);
                Path dir = CellRunner.cellDir(plan, c[0], seed);
                Files.createDirectories(dir);
                List<String> cmd = new ArrayList<>(child.javaCommand(heap));
                cmd.addAll(List.of("ablate", "--config", plan.config().toString(), "--cell", c[0] + ":" + seed));
                for (String s : extraSets) {
                    cmd.addAll(List.of("--set", s));
                }
                cmd.addAll(List.of("--set", "unimo.pretrain.workers=" + workers, "--set", "unimo.finetune.workers=" + workers));
                cmd.addAll(extraArgs);
                say("ablate: starting %s seed %d in a child JVM (%d worker%s)", c[0], seed, workers, workers == 1 ? "" : "s");
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
                p.waitFor();
                CellResult r = CellRunner.finished(plan, c[0], seed)
                        .orElse(new CellResult(c[0], seed, Map.of(), Map.of(), "child JVM exited with " + p.exitValue() + " (" + dir.resolve("child.txt") + ")"));
                finished.accept(r);
                return r;
            }));
        }
        pool.shutdown();
        List<CellResult> out = new ArrayList<>();
        try {
            for (Future<CellResult> f : futures) {
                out.add(f.get());
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cell could not be started: " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    /** Writes the table, chart and study.json of {@code results} (e.g. the cells finished so far). */
    public void writeTable(List<CellResult> results) {
        writeOutputs(AblationTable.of(plan, results), results, 0);
    }

    private void writeOutputs(AblationTable table, List<CellResult> results, double seconds) {
        String commit = startCommit != null ? startCommit : git("rev-parse", "HEAD");
        boolean dirty = startCommit != null ? startDirty : !git("status", "--porcelain", "--untracked-files=no").isEmpty();
        String header = "# Ablation of CMCL's sources\n\n"
                + "- command: `" + commandLine + "`\n"
                + "- commit: `" + commit + "`" + (dirty ? " (with uncommitted changes)" : "") + "\n"
                + "- configuration: `" + plan.config() + "`; seeds " + plan.seeds() + "; finished " + Instant.now() + "\n"
                + String.format(Locale.ROOT, "- this run: %s wall, %d cells (cells of earlier runs are read, not re-run)%n", clock(seconds), results.size())
                + "\nVariants:\n\n" + variants() + "\nMean ± standard deviation over seeds, in percent (test split).\n\n";
        try {
            Files.createDirectories(plan.out());
            Files.writeString(plan.out().resolve(TABLE_MD), header + table.markdown(), StandardCharsets.UTF_8);
            Files.writeString(plan.out().resolve(TABLE_CSV), table.csv(), StandardCharsets.UTF_8);
            AblationChart.write(table, "CMCL sources: mean ± sd over " + plan.seeds().size() + " seeds", plan.out().resolve(CHART));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", commandLine);
            doc.put("commit", commit);
            doc.put("dirty", dirty);
            doc.put("seconds", seconds);
            doc.put("seeds", plan.seeds());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (CellResult r : results) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("variant", r.variant());
                c.put("seed", r.seed());
                c.put("metrics", r.metrics());
                c.put("seconds", r.seconds());
                c.put("error", r.error());
                cells.add(c);
            }
            doc.put("cells", cells);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(plan.out().resolve(STUDY).toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study's outputs into " + plan.out() + ": " + e.getMessage(), e);
        }
    }

    private String variants() {
        StringBuilder b = new StringBuilder();
        for (AblationPlan.Variant v : plan.variants()) {
            b.append("- `").append(v.name()).append("`: ").append(v.about().isEmpty() ? "" : v.about())
                    .append(v.augment().isEmpty() ? " (no rewriting)" : " (rewriters: " + String.join(", ", v.augment()) + ")")
                    .append(v.sets().isEmpty() ? "" : "; " + String.join(", ", v.sets().stream().map(s -> "`" + s.replace("unimo.pretrain.", "") + "`").toList()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private synchronized void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
