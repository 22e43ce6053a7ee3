package org.unimoj.runtime.train.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's metrics log, {@code metrics.jsonl}: one JSON object a line, flushed as it is written.
 * <pre>{@code
 * {"type":"step","step":12,"loss":7.91,"losses":{"MLM":6.1,"CMCL":1.8},"lr":0.0004,"grad_norm":2.3,"examples":120,
 *  "examples_per_s":210.4,"step_s":0.57,"wait_s":0.0,"time_s":9.8}
 * {"type":"eval","step":200,"name":"val-retrieval","metrics":{"IR@1":0.21,...},"seconds":4.1,"final":false}
 * {"type":"checkpoint","step":200,"dir":"runs/quickstart/checkpoints/step-00000200","seconds":0.3}
 * }</pre>
 * A resumed run first drops the lines after its checkpoint's step (they belong to the part of the
 * earlier launch that the checkpoint does not hold) and then appends.
 */
public final class MetricsLog implements AutoCloseable {

    public static final String FILE = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    private MetricsLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** A new log (an existing file is replaced). */
    public static MetricsLog create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The log of a run resumed after {@code step}: lines of later steps are dropped, new lines appended. */
    public static MetricsLog resume(Path file, long step) {
        try {
            List<String> keep = new ArrayList<>();
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = parse(file, line);
                    if (n.path("step").asLong() <= step) {
                        keep.add(line);
                    }
                }
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, keep, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file, e);
        }
    }

    /** Every line of a log. */
    public static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> all = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(parse(file, line));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode parse(Path file, String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": a line is not JSON: " + line, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void step(long step, double loss, Map<String, Double> losses, double lr, double gradNorm, int examples, double stepSeconds,
                                  double waitSeconds, double timeSeconds) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "step");
        n.put("step", step);
        n.put("loss", loss);
        ObjectNode l = n.putObject("losses");
        losses.forEach(l::put);
        n.put("lr", lr);
        n.put("grad_norm", gradNorm);
        n.put("examples", examples);
        n.put("examples_per_s", stepSeconds > 0 ? examples / stepSeconds : 0);
        n.put("step_s", stepSeconds);
        n.put("wait_s", waitSeconds);
        n.put("time_s", timeSeconds);
        write(n);
    }

    public synchronized void evaluation(long step, String name, Map<String, Double> metrics, double seconds, boolean last) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "eval");
        n.put("step", step);
        n.put("name", name);
        ObjectNode m = n.putObject("metrics");
        metrics.forEach(m::put);
        n.put("seconds", seconds);
        n.put("final", last);
        write(n);
    }

    public synchronized void checkpoint(long step, Path dir, double seconds) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "checkpoint");
        n.put("step", step);
        n.put("dir", dir.toString());
        n.put("seconds", seconds);
        write(n);
    }

    private void write(ObjectNode n) {
        try {
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
