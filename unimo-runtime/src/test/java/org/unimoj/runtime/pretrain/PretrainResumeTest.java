package org.unimoj.runtime.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.actors.Checkpointer;
import org.unimoj.runtime.train.report.MetricsLog;

/**
 * Resumption across real process deaths: a run is stopped with SIGTERM (it checkpoints the step it
 * is at and exits), resumed, killed with SIGKILL (no chance to checkpoint: the next launch goes back
 * to the last periodic checkpoint), resumed again to the end; its per-step losses must equal those
 * of a run that was never stopped, and so must its final parameters.
 */
class PretrainResumeTest {

    static final int STEPS = 24;

    @TempDir
    Path tmp;

    @Test
    void aRunStoppedAndKilledAndResumedRepeatsTheLossesOfAnUnbrokenRun() throws Exception {
        Path world = TinyWorld.get();
        Path ref = tmp.resolve("unbroken");
        Path broken = tmp.resolve("broken");
        Path refConf = write("ref.conf", TinyWorld.config(world, ref, STEPS, ""));
        Path brokenConf = write("broken.conf", TinyWorld.config(world, broken, STEPS, ""));

        assertEquals(0, child("ref", "pretrain", "--config", refConf.toString()).waitFor(), log("ref"));

        // SIGTERM once step 7 is logged: the run stops after the step it is in, with a checkpoint of it
        Process p = child("term", "pretrain", "--config", brokenConf.toString());
        waitForStep(broken, 7, p);
        p.destroy();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the stopped run exits");
        long stoppedAt = lastStep(broken);
        Path latest = Checkpointer.latest(broken.resolve("checkpoints"));
        assertEquals(stoppedAt, RunState.read(latest).step(), "SIGTERM checkpoints the last finished step: " + log("term"));
        assertTrue(stoppedAt >= 7 && stoppedAt < STEPS);
        assertEquals("stopped", new ObjectMapper().readTree(broken.resolve("summary.json").toFile()).path("status").asText());

        // resume, then SIGKILL once step 15's checkpoint is written: the JVM dies without a word and the next launch goes back
        // to the newest periodic checkpoint
        p = child("kill", "pretrain", "--resume", broken.toString());
        waitForStep(broken, 17, p);
        // the checkpointer writes apart from the trainer: wait until step 15's checkpoint is logged
        waitForCheckpoint(broken, 15, p);
        p.destroyForcibly();
        p.waitFor(60, TimeUnit.SECONDS);
        // no checkpoint at the kill: the newest is a periodic one (every 5 steps), step 15 or one written just before the kill
        long killedAt = RunState.read(Checkpointer.latest(broken.resolve("checkpoints"))).step();
        assertTrue(killedAt >= 15 && killedAt % 5 == 0 && killedAt < STEPS, "newest checkpoint after SIGKILL: " + killedAt + "\n" + log("kill"));

        assertEquals(0, child("end", "pretrain", "--resume", broken.toString()).waitFor(), log("end"));
        Map<Long, Map<String, Double>> a = losses(ref);
        Map<Long, Map<String, Double>> b = losses(broken);
        assertEquals(STEPS, a.size());
        assertEquals(a.keySet(), b.keySet(), "the resumed run's log has every step once");
        double worst = 0;
        for (long s : a.keySet()) {
            assertEquals(a.get(s).keySet(), b.get(s).keySet());
            for (String o : a.get(s).keySet()) {
                double d = Math.abs(a.get(s).get(o) - b.get(s).get(o));
                worst = Math.max(worst, d);
                assertTrue(d <= 1e-6, "step " + s + " " + o + ": " + a.get(s).get(o) + " vs " + b.get(s).get(o));
            }
        }
        System.out.println("largest per-step loss difference after SIGTERM + SIGKILL + two resumes: " + worst);
        String last = Checkpointer.dirName(STEPS);
        assertArrayEquals(Files.readAllBytes(ref.resolve("checkpoints").resolve(last).resolve("model.safetensors")),
                Files.readAllBytes(broken.resolve("checkpoints").resolve(last).resolve("model.safetensors")), "the same final parameters, bit for bit");
    }

    private Path write(String name, String body) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, body);
        return f;
    }

    /** {@code unimo ARGS} in a JVM of its own, output to {@code tmp/NAME.log}. */
    private Process child(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (ext != null) {
            cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.unimoj.runtime.cli.Unimo");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        return pb.start();
    }

    private String log(String name) {
        try {
            return Files.readString(tmp.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void waitForStep(Path runDir, long step, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the run ended before step " + step);
            }
            if (Files.isRegularFile(runDir.resolve(MetricsLog.FILE)) && lastStep(runDir) >= step) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no step " + step + " within 3 minutes");
    }

    private static void waitForCheckpoint(Path runDir, long step, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the run ended before its checkpoint of step " + step);
            }
            for (JsonNode n : readLog(runDir)) {
                if (n.path("type").asText().equals("checkpoint") && n.path("step").asLong() == step) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint of step " + step + " within 3 minutes");
    }

    private static long lastStep(Path runDir) {
        long last = 0;
        for (JsonNode n : readLog(runDir)) {
            if (n.path("type").asText().equals("step")) {
                last = Math.max(last, n.path("step").asLong());
            }
        }
        return last;
    }

    /** The log as complete lines (a line being written may be cut). */
    private static List<JsonNode> readLog(Path runDir) {
        List<JsonNode> out = new ArrayList<>();
        try {
            ObjectMapper m = new ObjectMapper();
            for (String line : Files.readAllLines(runDir.resolve(MetricsLog.FILE))) {
                try {
                    out.add(m.readTree(line));
                } catch (IOException partial) {
                    // the last line is being written
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Map<Long, Map<String, Double>> losses(Path runDir) {
        Map<Long, Map<String, Double>> m = new LinkedHashMap<>();
        for (JsonNode n : readLog(runDir)) {
            if (n.path("type").asText().equals("step")) {
                Map<String, Double> l = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.path("losses").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    l.put(e.getKey(), e.getValue().asDouble());
                }
                if (m.put(n.path("step").asLong(), l) != null) {
                    throw new AssertionError("step " + n.path("step").asLong() + " logged twice in " + runDir);
                }
            }
        }
        return m;
    }
}
