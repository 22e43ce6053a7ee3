package org.unimoj.tasks.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.tasks.engine.spec.HeadSpecJson;

/**
 * A task checkpoint: the model's checkpoint directory ({@code config.json},
 * {@code model.safetensors} with encoder, LM head for generation and {@code task.head.*},
 * optionally {@code optimizer.safetensors}) plus {@code task.json}, the head it was trained with:
 * <pre>{"format": "unimo-j-task", "version": 1, "head": {"kind": "classify", "numClasses": 3, ...}}</pre>
 * {@code task.json} is written before {@code config.json}, which the model's checkpoint writes
 * last, so a directory with a {@code config.json} and a {@code task.json} is complete. Any tool
 * that reads encoder checkpoints (e.g. {@code EncoderSession.open}) reads task checkpoints too.
 */
public final class TaskCheckpoint {

    public static final String TASK = "task.json";
    public static final String FORMAT = "unimo-j-task";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskCheckpoint() {}

    /**
     * Writes {@code model} (and the optimizer state, when {@code optimizer} is not null, with
     * {@code metadata} in its header) to {@code dir}.
     */
    public static void save(Path dir, TaskModel model, Optimizer optimizer, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", FORMAT_VERSION);
        root.set("head", HeadSpecJson.toJson(model.head()));
        writeAtomically(dir.resolve(TASK), root.toPrettyString().getBytes(StandardCharsets.UTF_8));
        Checkpoint.save(dir, model.config(), model.parameters(), optimizer, metadata, TensorType.F32);
    }

    /** Whether {@code dir} holds a task checkpoint (rather than a pre-training one). */
    public static boolean isTaskCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve(TASK)) && Files.isRegularFile(dir.resolve(Checkpoint.CONFIG));
    }

    /** The head the checkpoint in {@code dir} was trained with. */
    public static HeadSpec readHead(Path dir) {
        Path f = dir.resolve(TASK);
        if (!Files.isRegularFile(f)) {
            throw new CheckpointException(dir + ": not a task checkpoint (no " + TASK + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new CheckpointException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new CheckpointException(f + ": field 'format' is not " + FORMAT);
        }
        int version = root.path("version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new CheckpointException(f + ": field 'version' is " + version + ", this build reads " + FORMAT_VERSION);
        }
        try {
            return HeadSpecJson.fromJson(root.get("head"), f + ": field 'head'");
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    /** The model saved in {@code dir}, with the head it was trained with, in float32. */
    public static TaskModel load(Path dir) {
        HeadSpec head = readHead(dir);
        return TaskModel.loadExact(dir, Checkpoint.readConfig(dir), head, DataType.FLOAT);
    }

    /**
     * The model saved in {@code dir} serving the task's declared {@code head}, in float32. The
     * saved head must have the same layers ({@link HeadSpecJson#requireCompatible}); label
     * smoothing and decoding settings come from {@code head}.
     */
    public static TaskModel load(Path dir, HeadSpec head) {
        return load(dir, head, DataType.FLOAT);
    }

    public static TaskModel load(Path dir, HeadSpec head, DataType dtype) {
        try {
            HeadSpecJson.requireCompatible(readHead(dir), head, dir.resolve(TASK).toString());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
        return TaskModel.loadExact(dir, Checkpoint.readConfig(dir), head, dtype);
    }

    /** Restores {@code optimizer} (built over {@code model}'s parameters) from {@code dir}; returns the saved metadata. */
    public static Map<String, String> restoreOptimizer(Path dir, Optimizer optimizer, TaskModel model) {
        return Checkpoint.loadOptimizer(dir, optimizer, model.parameters());
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }
}
