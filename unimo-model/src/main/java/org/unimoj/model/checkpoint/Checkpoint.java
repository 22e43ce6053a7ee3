package org.unimoj.model.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.Param;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/**
 * A checkpoint directory (layout in the package documentation): save the model, optionally the
 * optimizer, and metadata; load them back. Loading checks every tensor's presence and shape and
 * fails with a message naming the file and the tensor.
 */
public final class Checkpoint {

    public static final String CONFIG = "config.json";
    public static final String MODEL = "model.safetensors";
    public static final String OPTIMIZER = "optimizer.safetensors";
    /** The layout version written to config.json. */
    public static final int FORMAT_VERSION = 1;
    public static final String FORMAT = "unimo-j-checkpoint";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {}

    /**
     * Writes a checkpoint to {@code dir} (created if needed): model, optimizer state (when
     * {@code optimizer} is not null) with {@code metadata} in its header, then config.json.
     */
    public static void save(Path dir, UnimoConfig config, ParameterStore params, Optimizer optimizer,
                            Map<String, String> metadata, TensorType type) {
        SafeTensors.write(dir.resolve(MODEL), params.exportedTensors(), Map.of("format", FORMAT), type);
        if (optimizer != null) {
            Map<String, String> meta = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
            meta.put("updates", Long.toString(optimizer.updates()));
            meta.put("loss_scale", Double.toString(optimizer.scaler().scale()));
            if (optimizer.scaler() instanceof LossScaler.Dynamic d) {
                meta.put("loss_scale_good_updates", Integer.toString(d.goodUpdates()));
            }
            Map<String, INDArray> t = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : flatRanges(params).entrySet()) {
                long[] r = e.getValue();
                Param p = params.get(e.getKey());
                t.put("exp_avg/" + e.getKey(), optimizer.adam().firstMoment().get(NDArrayIndex.interval(r[0], r[1])).reshape('c', p.shape()));
                t.put("exp_avg_sq/" + e.getKey(), optimizer.adam().secondMoment().get(NDArrayIndex.interval(r[0], r[1])).reshape('c', p.shape()));
            }
            SafeTensors.write(dir.resolve(OPTIMIZER), t, meta, TensorType.F32);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", FORMAT_VERSION);
        root.set("model", JSON.valueToTree(config));
        writeAtomically(dir.resolve(CONFIG), root.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    /** The model configuration of the checkpoint in {@code dir}. */
    public static UnimoConfig readConfig(Path dir) {
        Path f = dir.resolve(CONFIG);
        if (!Files.isRegularFile(f)) {
            throw new CheckpointException(dir + ": not a checkpoint directory (no " + CONFIG + ")");
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new CheckpointException(f + ": field 'format' is not " + FORMAT);
            }
            int version = root.path("version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new CheckpointException(f + ": field 'version' is " + version + ", this build reads " + FORMAT_VERSION);
            }
            JsonNode model = root.get("model");
            if (model == null) {
                throw new CheckpointException(f + ": missing field 'model'");
            }
            return JSON.treeToValue(model, UnimoConfig.class);
        } catch (IOException e) {
            throw new CheckpointException(f + ": cannot read the model configuration (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(f + ": field 'model': " + e.getMessage(), e);
        }
    }

    /** A pre-training model with the configuration and parameters of the checkpoint in {@code dir}. */
    public static UnimoPretrainModel loadPretrainModel(Path dir, DataType dtype) {
        UnimoPretrainModel m = UnimoPretrainModel.create(readConfig(dir), dtype, 0);
        loadParameters(dir, m.parameters());
        return m;
    }

    /** Loads every parameter of {@code params} from {@code dir}; the file must hold exactly the model's tensors. */
    public static void loadParameters(Path dir, ParameterStore params) {
        SafeTensors f = SafeTensors.open(dir.resolve(MODEL));
        LoadReport r = load(f, params, Map.of());
        if (!r.missing().isEmpty()) {
            throw new CheckpointException(f.file() + ": tensor " + r.missing().get(0) + " is missing"
                    + (r.missing().size() > 1 ? " (and " + (r.missing().size() - 1) + " more)" : ""));
        }
        if (!r.unused().isEmpty()) {
            throw new CheckpointException(f.file() + ": tensor " + r.unused().get(0) + " does not belong to this model"
                    + (r.unused().size() > 1 ? " (and " + (r.unused().size() - 1) + " more)" : ""));
        }
    }

    /**
     * Loads every tensor of the checkpoint in {@code dir} that {@code params} has a place for
     * (an encoder under a task head, say) and reports what was missing or unused; shapes must match.
     */
    public static LoadReport loadMatching(Path dir, ParameterStore params) {
        return load(SafeTensors.open(dir.resolve(MODEL)), params, Map.of());
    }

    /**
     * Loads the tensors of {@code file} whose names the model has (renamed through {@code aliases},
     * file name to model name) and reports the rest; shapes must match exactly.
     */
    public static LoadReport load(SafeTensors file, ParameterStore params, Map<String, String> aliases) {
        Map<String, INDArray> targets = params.exportedTensors();
        List<String> loaded = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (SafeTensors.Entry e : file.entries().values()) {
            String name = aliases.getOrDefault(e.name(), e.name());
            INDArray target = targets.get(name);
            if (target == null) {
                unused.add(e.name());
                continue;
            }
            if (!Arrays.equals(e.shape(), target.shape())) {
                throw new CheckpointException(file.file() + ": tensor " + e.name() + " has shape " + Arrays.toString(e.shape())
                        + ", the model expects " + Arrays.toString(target.shape()) + " for " + name);
            }
            target.assign(file.read(e.name(), target.dataType()));
            loaded.add(name);
        }
        List<String> missing = new ArrayList<>();
        for (String n : targets.keySet()) {
            if (!loaded.contains(n)) {
                missing.add(n);
            }
        }
        return new LoadReport(loaded, missing, unused);
    }

    /** Restores the optimizer state from {@code dir} and returns the metadata saved with it. */
    public static Map<String, String> loadOptimizer(Path dir, Optimizer optimizer, ParameterStore params) {
        SafeTensors f = SafeTensors.open(dir.resolve(OPTIMIZER));
        for (Map.Entry<String, long[]> e : flatRanges(params).entrySet()) {
            long[] r = e.getValue();
            Param p = params.get(e.getKey());
            for (String kind : new String[] {"exp_avg/", "exp_avg_sq/"}) {
                String name = kind + e.getKey();
                SafeTensors.Entry en = f.entries().get(name);
                if (en == null) {
                    throw new CheckpointException(f.file() + ": tensor " + name + " is missing");
                }
                if (!Arrays.equals(en.shape(), p.shape())) {
                    throw new CheckpointException(f.file() + ": tensor " + name + " has shape " + Arrays.toString(en.shape())
                            + ", the model expects " + Arrays.toString(p.shape()));
                }
                INDArray flat = kind.equals("exp_avg/") ? optimizer.adam().firstMoment() : optimizer.adam().secondMoment();
                flat.get(NDArrayIndex.interval(r[0], r[1])).assign(f.read(name, flat.dataType()).reshape(r[1] - r[0]));
            }
        }
        int expected = 2 * params.params().size();
        if (f.entries().size() != expected) {
            throw new CheckpointException(f.file() + ": holds " + f.entries().size() + " tensors, the model's optimizer has " + expected);
        }
        Map<String, String> meta = f.metadata();
        optimizer.adam().restoreUpdates(parseLong(f, meta, "updates"));
        if (optimizer.scaler() instanceof LossScaler.Dynamic d) {
            d.restore(Double.parseDouble(required(f, meta, "loss_scale")), (int) parseLong(f, meta, "loss_scale_good_updates"));
        }
        return meta;
    }

    private static Map<String, long[]> flatRanges(ParameterStore params) {
        Map<String, long[]> out = new LinkedHashMap<>();
        long offset = 0;
        for (Param p : params.params()) {
            out.put(p.name(), new long[] {offset, offset + p.length()});
            offset += p.length();
        }
        return out;
    }

    private static String required(SafeTensors f, Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new CheckpointException(f.file() + ": metadata entry '" + key + "' is missing");
        }
        return v;
    }

    private static long parseLong(SafeTensors f, Map<String, String> meta, String key) {
        String v = required(f, meta, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CheckpointException(f.file() + ": metadata entry '" + key + "' is not an integer: " + v);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
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
                    // best effort
                }
            }
        }
    }
}
