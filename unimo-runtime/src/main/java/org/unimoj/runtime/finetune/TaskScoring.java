package org.unimoj.runtime.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Predictor;

/**
 * Scores a task on a split with a predictor (its metrics, then its results file), or its trivial
 * baseline, and prints and stores the figures. What {@code unimo finetune} does at the end of a run
 * and {@code unimo evaluate task} does on a checkpoint.
 */
public final class TaskScoring {

    private TaskScoring() {}

    /**
     * One split's figures.
     *
     * @param report  the task's metrics
     * @param results the results file written, or null
     * @param seconds time to score (and write)
     */
    public record SplitResult(MetricReport report, Path results, double seconds) {}

    /** Scores {@code split}, then writes its results file into {@code resultsDir} (when not null). */
    public static SplitResult score(OpenedTask t, Split split, Predictor predictor, Path resultsDir, PrintWriter err) throws IOException {
        long t0 = System.nanoTime();
        ProgressPredictor p = new ProgressPredictor(predictor, err, t.ref() + " " + split.fileName(), 10);
        MetricReport report = t.task().evaluate(split, p);
        Path results = resultsDir == null ? null : t.task().writeResults(split, p, resultsDir);
        p.report(true);
        return new SplitResult(report, results, (System.nanoTime() - t0) / 1e9);
    }

    /** The task's trivial baseline on {@code split}, or null when its plugin has none. */
    public static MetricReport baseline(OpenedTask t, Split split) throws IOException {
        if (t.baseline().isEmpty()) {
            return null;
        }
        return t.baseline().get().evaluateBaseline(split);
    }

    /** Prints a report as a table, beside the baseline's values when there is one. */
    public static void print(PrintWriter out, MetricReport ours, MetricReport baseline) {
        out.printf("%s %s (%d examples)%n", ours.task(), ours.split(), ours.count());
        int width = ours.values().keySet().stream().mapToInt(String::length).max().orElse(10);
        if (baseline == null) {
            ours.values().forEach((k, v) -> out.printf("  %-" + width + "s %10.4f%n", k, v));
        } else {
            out.printf("  %-" + width + "s %10s %10s%n", "", "model", "baseline");
            ours.values().forEach((k, v) -> {
                Double b = baseline.values().get(k);
                out.printf("  %-" + width + "s %10.4f %10s%n", k, v, b == null ? "-" : String.format("%.4f", b));
            });
        }
        out.flush();
    }

    /** A report as a JSON-ready map. */
    public static Map<String, Object> json(MetricReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", r.task());
        m.put("split", r.split());
        m.put("count", r.count());
        m.put("metrics", r.values());
        return m;
    }

    /** Writes {@code doc} as indented JSON, whole or not at all. */
    public static void writeJson(Path file, Object doc) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), doc);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
