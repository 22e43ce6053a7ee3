package org.unimoj.model.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The safetensors format: an 8-byte little-endian header length {@code n}, {@code n} bytes of JSON
 * ({@code {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}}),
 * then the tensors' little-endian bytes, offsets relative to the end of the header.
 */
public final class SafeTensors {

    /** One tensor of a file's header; {@code type} is null for element types this engine does not read (I64, ...). */
    public record Entry(String name, String dtype, TensorType type, long[] shape, long begin, long end) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;
    private final long dataStart;

    private SafeTensors(Path file, Map<String, Entry> entries, Map<String, String> metadata, long dataStart) {
        this.file = file;
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
    }

    /** Reads and validates the header of {@code file}; tensors are read on demand. */
    public static SafeTensors open(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (size < 8) {
                throw new CheckpointException(file + ": truncated: " + size + " bytes, not even the 8-byte header length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0, file);
            long n = len.flip().getLong();
            if (n <= 0 || n > MAX_HEADER || 8 + n > size) {
                throw new CheckpointException(file + ": truncated or not a safetensors file: header length " + n + " in a file of " + size + " bytes");
            }
            ByteBuffer head = ByteBuffer.allocate((int) n);
            readFully(ch, head, 8, file);
            JsonNode root;
            try {
                root = JSON.readTree(new String(head.array(), StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new CheckpointException(file + ": the header is not JSON (" + e.getOriginalMessage() + ")", e);
            }
            if (root == null || !root.isObject()) {
                throw new CheckpointException(file + ": the header is not a JSON object");
            }
            long dataSize = size - 8 - n;
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : root.properties()) {
                if (f.getKey().equals("__metadata__")) {
                    f.getValue().properties().forEach(m -> meta.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                entries.put(f.getKey(), parseEntry(file, f.getKey(), f.getValue(), dataSize));
            }
            return new SafeTensors(file, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(meta), 8 + n);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Entry parseEntry(Path file, String name, JsonNode node, long dataSize) {
        String where = file + ": tensor " + name;
        JsonNode dt = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode off = node.get("data_offsets");
        if (dt == null || shape == null || off == null || !shape.isArray() || !off.isArray() || off.size() != 2) {
            throw new CheckpointException(where + ": header entry needs dtype, shape and two data_offsets");
        }
        TensorType type = TensorType.parse(dt.asText());
        long[] s = new long[shape.size()];
        long elements = 1;
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).asLong(-1);
            if (s[i] < 0) {
                throw new CheckpointException(where + ": bad shape " + shape);
            }
            elements *= s[i];
        }
        long begin = off.get(0).asLong(-1);
        long end = off.get(1).asLong(-1);
        if (begin < 0 || end < begin) {
            throw new CheckpointException(where + ": bad data_offsets " + off);
        }
        if (type != null && end - begin != elements * type.bytes()) {
            throw new CheckpointException(where + ": data_offsets hold " + (end - begin) + " bytes, shape " + shape + " of " + type + " needs " + elements * type.bytes());
        }
        if (end > dataSize) {
            throw new CheckpointException(where + ": data [" + begin + ", " + end + ") extends past the end of the file (" + dataSize + " bytes of data): the file is truncated");
        }
        return new Entry(name, dt.asText(), type, s, begin, end);
    }

    public Path file() {
        return file;
    }

    /** Tensor entries by name, in header order. */
    public Map<String, Entry> entries() {
        return entries;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The tensor {@code name} as a new array of {@code dtype}. */
    public INDArray read(String name, DataType dtype) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new CheckpointException(file + ": no tensor named " + name);
        }
        if (e.type() == null) {
            throw new CheckpointException(file + ": tensor " + name + ": element type " + e.dtype() + " is not supported (F32, BF16, F16, F64)");
        }
        long bytes = e.end() - e.begin();
        if (bytes > Integer.MAX_VALUE) {
            throw new CheckpointException(file + ": tensor " + name + " is larger than 2 GB");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            readFully(ch, buf, dataStart + e.begin(), file);
        } catch (IOException ex) {
            throw new CheckpointException(file + ": tensor " + name + ": cannot read (" + ex.getMessage() + ")", ex);
        }
        buf.flip();
        int n = (int) e.elements();
        INDArray out;
        switch (e.type()) {
            case F64 -> {
                double[] d = new double[n];
                buf.asDoubleBuffer().get(d);
                out = Nd4j.createFromArray(d);
            }
            case F32 -> {
                float[] f = new float[n];
                buf.asFloatBuffer().get(f);
                out = Nd4j.createFromArray(f);
            }
            case BF16 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = Float.intBitsToFloat((buf.getShort() & 0xFFFF) << 16);
                }
                out = Nd4j.createFromArray(f);
            }
            case F16 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = halfToFloat(buf.getShort());
                }
                out = Nd4j.createFromArray(f);
            }
            default -> throw new IllegalStateException(e.type().name());
        }
        if (e.shape().length > 0) {
            out = out.reshape('c', e.shape());
        }
        return out.dataType() == dtype ? out : out.castTo(dtype);
    }

    /**
     * Writes {@code tensors} (any float arrays, views included) to {@code file} atomically:
     * a temporary file in the same directory, fsync, rename over the target, fsync the directory.
     */
    public static void write(Path file, Map<String, INDArray> tensors, Map<String, String> metadata, TensorType type) {
        if (type != TensorType.F32 && type != TensorType.BF16) {
            throw new IllegalArgumentException("writes F32 or BF16, not " + type);
        }
        ObjectNode header = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode m = header.putObject("__metadata__");
            metadata.forEach(m::put);
        }
        long offset = 0;
        for (Map.Entry<String, INDArray> t : tensors.entrySet()) {
            ObjectNode e = header.putObject(t.getKey());
            e.put("dtype", type.name());
            ArrayNode s = e.putArray("shape");
            for (long d : t.getValue().shape()) {
                s.add(d);
            }
            long bytes = t.getValue().length() * type.bytes();
            e.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] head = Arrays.copyOf(json, padded);
        Arrays.fill(head, json.length, padded, (byte) ' ');
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
                writeFully(ch, len.flip());
                writeFully(ch, ByteBuffer.wrap(head));
                for (INDArray t : tensors.values()) {
                    writeFully(ch, encode(t, type));
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // some file systems cannot sync a directory; the file itself is synced
            }
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

    private static ByteBuffer encode(INDArray t, TensorType type) {
        float[] f = t.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer b = ByteBuffer.allocate(f.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (type == TensorType.F32) {
            b.asFloatBuffer().put(f);
        } else {
            for (float v : f) {
                b.putShort(toBfloat16(v));
            }
        }
        b.position(0);
        return b;
    }

    /** Round-to-nearest-even truncation of a float to bfloat16 (NaN stays NaN). */
    static short toBfloat16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** IEEE 754 binary16 to float. */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f / 16384f; // subnormal: mant * 2^-24
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path file) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new CheckpointException(file + ": truncated: ended at byte " + pos);
            }
            pos += r;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
