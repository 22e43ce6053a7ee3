package org.unimoj.runtime.pretrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unimoj.runtime.train.BatchReady;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.TrainerStats;
import org.unimoj.runtime.train.actors.AugmenterPool;
import org.unimoj.runtime.train.actors.DataLoader;
import org.unimoj.runtime.train.actors.Evaluator;
import org.unimoj.runtime.train.actors.RunOutcome;
import org.unimoj.runtime.train.report.Charts;
import org.unimoj.runtime.train.report.MetricsLog;

/**
 * The end of a run for people and for scripts: time, steps, examples, the trainer's wait for data,
 * the last losses, where every record went, the final evaluation and where the checkpoint, charts
 * and logs are; printed and written to {@code summary.json}.
 */
final class RunSummary {

    static final String FILE = "summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PretrainSettings settings;
    private final Path runDir;
    private final Path quarantine;
    private final RunState start;
    private final double wallSeconds;

    RunSummary(PretrainSettings settings, Path runDir, Path quarantine, RunState start, double wallSeconds) {
        this.settings = settings;
        this.runDir = runDir;
        this.quarantine = quarantine;
        this.start = start;
        this.wallSeconds = wallSeconds;
    }

    void report(RunOutcome o, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", o.status().name().toLowerCase(Locale.ROOT));
        root.put("message", o.message());
        root.put("wall_seconds", wallSeconds);
        root.put("pipeline_seconds", o.wallSeconds());
        TrainerStats st = o.stats();
        out.println();
        out.printf(Locale.ROOT, "pretrain: %s: %s in %s (this launch)%n", o.status().name().toLowerCase(Locale.ROOT), o.message(), duration(wallSeconds));
        if (st != null) {
            double waitShare = st.waitSeconds() / wallSeconds;
            double steadyWait = st.waitSeconds() - st.firstWaitSeconds();
            root.put("first_step", st.firstStep());
            root.put("last_step", st.lastStep());
            root.put("examples", st.examples());
            root.put("train_seconds", st.trainSeconds());
            root.put("data_wait_seconds", st.waitSeconds());
            root.put("data_wait_first_batch_seconds", st.firstWaitSeconds());
            root.put("data_wait_share_of_wall", waitShare);
            out.printf(Locale.ROOT, "  steps %d..%d of %d; %,d examples; training %s (%.0f examples/s)%n", st.firstStep(), st.lastStep(), settings.steps(),
                    st.examples(), duration(st.trainSeconds()), st.examples() / Math.max(1e-9, st.trainSeconds()));
            out.printf(Locale.ROOT, "  trainer waited for data %.2f s = %.2f%% of the wall time (%.2f s for the first batch, %.2f s after it)%n",
                    st.waitSeconds(), 100 * waitShare, st.firstWaitSeconds(), steadyWait);
            ObjectNode streams = root.putObject("streams");
            for (Map.Entry<String, BatchReady.StreamUse> e : st.streams().entrySet()) {
                BatchReady.StreamUse u = e.getValue();
                ObjectNode s = streams.putObject(e.getKey());
                s.put("from_slot", u.from());
                s.put("to_slot", u.to());
                s.put("in", u.to() - u.from());
                s.put("trained", u.records());
                s.put("quarantined", u.gaps());
                out.printf(Locale.ROOT, "  %-6s slots %d..%d: in %d = trained %d + quarantined %d%n", e.getKey(), u.from(), u.to(), u.to() - u.from(),
                        u.records(), u.gaps());
            }
        }
        for (DataLoader.Counts c : o.loaders()) {
            root.with("loaders").putObject(c.stream()).put("slots", c.slots()).put("gaps", c.gaps());
        }
        for (AugmenterPool.Counts c : o.pools()) {
            root.with("augmenters").putObject(c.stream()).put("received", c.received()).put("delivered", c.delivered()).put("crashed", c.crashed())
                    .put("held_at_end", c.held());
            if (c.crashed() > 0) {
                out.printf(Locale.ROOT, "  %-6s augmenters crashed on %d records (each restarted by its supervisor; the records are quarantined)%n",
                        c.stream(), c.crashed());
            }
        }
        long quarantined = lines(quarantine);
        root.put("quarantine_file", quarantine.toString());
        root.put("quarantine_entries", quarantined);
        if (quarantined > 0) {
            out.printf(Locale.ROOT, "  quarantine: %d entries in %s%n", quarantined, quarantine);
        }
        JsonNode lastStep = lastStepLine(runDir.resolve(MetricsLog.FILE));
        if (lastStep != null) {
            root.set("last_step_losses", lastStep.path("losses"));
            StringBuilder sb = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = lastStep.path("losses").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.4f", e.getValue().asDouble()));
            }
            out.printf(Locale.ROOT, "  last step %d: loss %.4f (%s)%n", lastStep.path("step").asLong(), lastStep.path("loss").asDouble(), sb);
        }
        if (o.lastCheckpoint() != null) {
            root.put("checkpoint", o.lastCheckpoint().toString());
            out.printf("  checkpoint: %s%n", o.lastCheckpoint());
            if (o.status() != RunOutcome.Status.COMPLETED) {
                out.printf("  resume with: unimo pretrain --resume %s%n", runDir);
            }
        }
        out.printf("  metrics: %s; charts: %s, %s%n", runDir.resolve(MetricsLog.FILE), runDir.resolve(PretrainJob.CHARTS).resolve(Charts.LOSS),
                runDir.resolve(PretrainJob.CHARTS).resolve(Charts.EVAL));
        List<Evaluator.Evaluated> finals = o.finalEvaluations();
        for (Evaluator.Evaluated e : finals) {
            ObjectNode n = root.with("final_evaluations").putObject(e.name());
            n.put("step", e.step());
            n.put("seconds", e.seconds());
            e.result().metrics().forEach(n::put);
            out.println(e.result().report());
        }
        out.flush();
        try {
            Files.writeString(runDir.resolve(FILE), root.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(FILE), e);
        }
    }

    private static JsonNode lastStepLine(Path metrics) {
        if (!Files.isRegularFile(metrics)) {
            return null;
        }
        JsonNode last = null;
        for (JsonNode n : MetricsLog.read(metrics)) {
            if ("step".equals(n.path("type").asText())) {
                last = n;
            }
        }
        return last;
    }

    private static long lines(Path f) {
        if (!Files.isRegularFile(f)) {
            return 0;
        }
        try (var s = Files.lines(f)) {
            return s.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
