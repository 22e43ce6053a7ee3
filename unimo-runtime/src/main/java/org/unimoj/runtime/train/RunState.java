package org.unimoj.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a checkpoint stores about the run beyond the model: the step it was taken after, the seed,
 * where each data stream stands and a fingerprint of the settings that decide the data and the
 * model, plus the running totals the summary reports. Every random generator of a run is seeded
 * from (seed, stream, slot) or (seed, step), so step, seed and position are the whole random state.
 * Stored as {@code run-state.json} in the checkpoint directory.
 *
 * @param step          updates done
 * @param seed          the run's seed
 * @param position      each stream's next slot after batch {@code step}
 * @param fingerprint   hash of the settings a resumed run must share
 * @param examples      examples trained on so far
 * @param trainSeconds  seconds spent training so far (all launches)
 * @param waitSeconds   seconds the trainer waited for data so far (all launches)
 */
public record RunState(long step, long seed, DataPosition position, String fingerprint, long examples, double trainSeconds,
                       double waitSeconds) {

    public static final String FILE = "run-state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The state as flat strings ({@code unimo.run.step}, {@code unimo.run.seed}, {@code unimo.run.position.<stream>}). */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("unimo.run.step", Long.toString(step));
        m.put("unimo.run.seed", Long.toString(seed));
        position.next().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> m.put("unimo.run.position." + e.getKey(), Long.toString(e.getValue())));
        m.put("unimo.run.fingerprint", fingerprint);
        return m;
    }

    public void write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("step", step);
        root.put("seed", seed);
        ObjectNode pos = root.putObject("position");
        position.next().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> pos.put(e.getKey(), e.getValue()));
        root.put("fingerprint", fingerprint);
        root.put("examples", examples);
        root.put("train_seconds", trainSeconds);
        root.put("wait_seconds", waitSeconds);
        try {
            Files.writeString(dir.resolve(FILE), root.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** Reads {@code dir/run-state.json}; a missing or malformed file is an error naming the file and the field. */
    public static RunState read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException(dir + ": not a run checkpoint (no " + FILE + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": not valid JSON (" + e.getMessage() + ")");
        }
        Map<String, Long> pos = new LinkedHashMap<>();
        JsonNode p = field(f, root, "position");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong()) {
                throw new IllegalArgumentException(f + ": field 'position." + e.getKey() + "' is not an integer");
            }
            pos.put(e.getKey(), e.getValue().asLong());
        }
        return new RunState(field(f, root, "step").asLong(), field(f, root, "seed").asLong(), new DataPosition(pos),
                field(f, root, "fingerprint").asText(), field(f, root, "examples").asLong(), field(f, root, "train_seconds").asDouble(),
                field(f, root, "wait_seconds").asDouble());
    }

    private static JsonNode field(Path f, JsonNode root, String name) {
        JsonNode n = root == null ? null : root.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(f + ": field '" + name + "' is missing");
        }
        return n;
    }
}
