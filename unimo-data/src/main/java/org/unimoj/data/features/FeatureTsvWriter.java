package org.unimoj.data.features;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.unimoj.api.data.RegionFeatures;

/**
 * Writes region features in the bottom-up-attention TSV layout (with the {@code cls_prob} column
 * when the records carry class distributions): no header, {@code \n} line ends, little-endian
 * float32, padded standard base64. {@link #encode} gives one line's bytes so that lines can be
 * encoded in parallel and written in order.
 */
public final class FeatureTsvWriter implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private long lines;
    private long bytes;

    private FeatureTsvWriter(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    public static FeatureTsvWriter create(Path file) {
        try {
            return new FeatureTsvWriter(file, new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    public void write(RegionFeatures f) {
        writeLine(encode(f));
    }

    /** Writes one line made by {@link #encode}. */
    public void writeLine(byte[] line) {
        try {
            out.write(line);
            lines++;
            bytes += line.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One TSV line, with its {@code \n}. Thread-safe. */
    public static byte[] encode(RegionFeatures f) {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] id = f.imageId().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("\t" + f.imageWidth() + "\t" + f.imageHeight() + "\t" + f.numBoxes() + "\t").getBytes(StandardCharsets.US_ASCII);
        byte[] boxes = b64.encode(littleEndian(f.boxes()));
        byte[] features = b64.encode(littleEndian(f.features()));
        byte[] probs = f.hasClassProbs() ? b64.encode(littleEndian(f.classProbs())) : null;
        int len = id.length + head.length + boxes.length + 1 + features.length + (probs == null ? 0 : 1 + probs.length) + 1;
        byte[] line = new byte[len];
        int o = 0;
        System.arraycopy(id, 0, line, o, id.length);
        o += id.length;
        System.arraycopy(head, 0, line, o, head.length);
        o += head.length;
        System.arraycopy(boxes, 0, line, o, boxes.length);
        o += boxes.length;
        line[o++] = '\t';
        System.arraycopy(features, 0, line, o, features.length);
        o += features.length;
        if (probs != null) {
            line[o++] = '\t';
            System.arraycopy(probs, 0, line, o, probs.length);
            o += probs.length;
        }
        line[o] = '\n';
        return line;
    }

    static byte[] littleEndian(float[] v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(v);
        return bb.array();
    }

    public long lines() {
        return lines;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
