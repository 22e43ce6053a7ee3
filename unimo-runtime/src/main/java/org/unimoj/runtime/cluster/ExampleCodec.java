package org.unimoj.runtime.cluster;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * The wire format of pre-training examples between cluster members (a remote augmenter sends its
 * output to a trainer): a one-byte tag per variant, then the fields in declaration order, big-endian
 * as {@link DataOutput} writes. Strings are an int byte count and strict UTF-8 (no 64 KB limit as
 * with {@code writeUTF}); arrays and lists are an int count and their elements; floats are written
 * as their raw bits, so NaN payloads and -0 come back bit-exact ({@code writeFloat} would collapse
 * NaNs). A region set's array lengths follow from its sizes and are not written again.
 *
 * <p>Reading never trusts a count: a negative or impossible one, an unknown tag, a truncated stream
 * or an invalid record each give an {@link IOException} naming the field, and large arrays are
 * filled chunk by chunk so a corrupt count fails at the end of the stream rather than with an
 * out-of-memory error.
 */
public final class ExampleCodec {

    static final byte TEXT = 1;
    static final byte IMAGE = 2;
    static final byte PAIR = 3;
    static final byte FILLED = 4;
    static final byte EMPTY = 5;

    /** Largest array Java can allocate on common VMs. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Elements read per chunk, and the first allocation for a large array. */
    private static final int CHUNK = 1 << 14;

    private ExampleCodec() {}

    /** Writes one example. */
    public static void write(DataOutput out, PretrainExample e) throws IOException {
        if (e instanceof PretrainExample.Text t) {
            out.writeByte(TEXT);
            writeString(out, t.id(), "text id");
            writeInts(out, t.ids());
        } else if (e instanceof PretrainExample.Image i) {
            out.writeByte(IMAGE);
            writeRegions(out, i.image());
        } else if (e instanceof PretrainExample.Pair p) {
            out.writeByte(PAIR);
            writeString(out, p.captionId(), "caption id");
            writeRegions(out, p.image());
            writeInts(out, p.ids());
            writeIntsList(out, p.positives());
            writeIntsList(out, p.negatives());
            out.writeInt(p.relatedImages().size());
            for (RegionFeatures r : p.relatedImages()) {
                writeRegions(out, r);
            }
            writeIntsList(out, p.relatedTexts());
        } else {
            throw new IllegalArgumentException("not a pre-training example: " + e);
        }
    }

    /** Reads one example written by {@link #write}. */
    public static PretrainExample read(DataInput in) throws IOException {
        byte tag = readByte(in, "example tag");
        switch (tag) {
            case TEXT -> {
                String id = readString(in, "text id");
                return new PretrainExample.Text(id, readInts(in, "text " + id + " ids"));
            }
            case IMAGE -> {
                return new PretrainExample.Image(readRegions(in, "image"));
            }
            case PAIR -> {
                String id = readString(in, "caption id");
                String at = "pair " + id;
                RegionFeatures image = readRegions(in, at + " image");
                int[] ids = readInts(in, at + " ids");
                List<int[]> positives = readIntsList(in, at + " positives");
                List<int[]> negatives = readIntsList(in, at + " negatives");
                int n = readCount(in, at + " related images");
                List<RegionFeatures> related = new ArrayList<>(Math.min(n, CHUNK));
                for (int k = 0; k < n; k++) {
                    related.add(readRegions(in, at + " related image " + k));
                }
                List<int[]> texts = readIntsList(in, at + " related texts");
                return new PretrainExample.Pair(id, image, ids, positives, negatives, related, texts);
            }
            default -> throw new IOException("pre-training example: unknown tag " + tag + " (expected " + TEXT + " text, " + IMAGE + " image or "
                    + PAIR + " pair)");
        }
    }

    /** Writes one stream slot: its index and either its example or why it is empty. */
    public static void writeSlot(DataOutput out, Slot<PretrainExample> s) throws IOException {
        if (s instanceof Slot.Filled<PretrainExample> f) {
            out.writeByte(FILLED);
            out.writeLong(f.index());
            write(out, f.value());
        } else {
            Slot.Empty<PretrainExample> e = (Slot.Empty<PretrainExample>) s;
            out.writeByte(EMPTY);
            out.writeLong(e.index());
            writeString(out, e.reason(), "empty slot reason");
        }
    }

    /** Reads one slot written by {@link #writeSlot}. */
    public static Slot<PretrainExample> readSlot(DataInput in) throws IOException {
        byte tag = readByte(in, "slot tag");
        switch (tag) {
            case FILLED -> {
                long index = readLong(in, "filled slot index");
                return new Slot.Filled<>(index, read(in));
            }
            case EMPTY -> {
                long index = readLong(in, "empty slot index");
                return new Slot.Empty<>(index, readString(in, "empty slot " + index + " reason"));
            }
            default -> throw new IOException("slot: unknown tag " + tag + " (expected " + FILLED + " filled or " + EMPTY + " empty)");
        }
    }

    // ---- region features

    private static void writeRegions(DataOutput out, RegionFeatures r) throws IOException {
        writeString(out, r.imageId(), "image id");
        out.writeInt(r.imageWidth());
        out.writeInt(r.imageHeight());
        out.writeInt(r.numBoxes());
        out.writeInt(r.featureDim());
        out.writeInt(r.numClasses());
        writeFloats(out, r.boxes());
        writeFloats(out, r.features());
        writeFloats(out, r.classProbs());
    }

    private static RegionFeatures readRegions(DataInput in, String field) throws IOException {
        String id = readString(in, field + " id");
        String at = field + " " + id;
        int width = readInt(in, at + " width");
        int height = readInt(in, at + " height");
        int boxes = readInt(in, at + " box count");
        int dim = readInt(in, at + " feature dim");
        int classes = readInt(in, at + " class count");
        if (boxes < 0 || dim < 0 || classes < 0) {
            throw new IOException(at + ": negative size (boxes=" + boxes + " dim=" + dim + " classes=" + classes + ")");
        }
        float[] b = readFloats(in, length((long) boxes * 4, at + " boxes"), at + " boxes");
        float[] f = readFloats(in, length((long) boxes * dim, at + " features"), at + " features");
        float[] p = readFloats(in, length((long) boxes * classes, at + " class probabilities"), at + " class probabilities");
        try {
            return new RegionFeatures(id, width, height, boxes, dim, b, f, classes, p);
        } catch (IllegalArgumentException e) {
            throw new IOException(field + ": invalid region features: " + e.getMessage(), e);
        }
    }

    private static int length(long n, String field) throws IOException {
        if (n > MAX_ARRAY) {
            throw new IOException(field + ": " + n + " elements cannot be held in an array");
        }
        return (int) n;
    }

    // ---- strings, counts, arrays

    private static void writeString(DataOutput out, String s, String field) throws IOException {
        ByteBuffer b;
        try {
            b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new IOException(field + " '" + s + "' is not valid Unicode (" + e.getMessage() + ")", e);
        }
        out.writeInt(b.remaining());
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }

    private static String readString(DataInput in, String field) throws IOException {
        int n = readCount(in, field + " length");
        byte[] bytes = readBytes(in, n, field);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(field + ": " + n + " bytes are not valid UTF-8", e);
        }
    }

    private static void writeIntsList(DataOutput out, List<int[]> list) throws IOException {
        out.writeInt(list.size());
        for (int[] a : list) {
            writeInts(out, a);
        }
    }

    private static List<int[]> readIntsList(DataInput in, String field) throws IOException {
        int n = readCount(in, field + " count");
        List<int[]> list = new ArrayList<>(Math.min(n, CHUNK));
        for (int k = 0; k < n; k++) {
            list.add(readInts(in, field + " " + k));
        }
        return list;
    }

    private static void writeInts(DataOutput out, int[] a) throws IOException {
        out.writeInt(a.length);
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(a.length, CHUNK));
        for (int done = 0; done < a.length; ) {
            int k = Math.min(a.length - done, CHUNK);
            buf.clear();
            buf.asIntBuffer().put(a, done, k);
            out.write(buf.array(), 0, 4 * k);
            done += k;
        }
    }

    private static int[] readInts(DataInput in, String field) throws IOException {
        int n = readCount(in, field + " length");
        int[] a = new int[Math.min(n, CHUNK)];
        byte[] buf = new byte[4 * Math.min(n, CHUNK)];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, CHUNK);
            readFully(in, buf, 4 * k, field);
            a = grow(a, done + k, n);
            ByteBuffer.wrap(buf, 0, 4 * k).asIntBuffer().get(a, done, k);
            done += k;
        }
        return a;
    }

    /** Floats as raw bits: the buffer views use {@code floatToRawIntBits}, unlike {@code writeFloat}. */
    private static void writeFloats(DataOutput out, float[] a) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.min(a.length, CHUNK));
        for (int done = 0; done < a.length; ) {
            int k = Math.min(a.length - done, CHUNK);
            buf.clear();
            buf.asFloatBuffer().put(a, done, k);
            out.write(buf.array(), 0, 4 * k);
            done += k;
        }
    }

    private static float[] readFloats(DataInput in, int n, String field) throws IOException {
        float[] a = new float[Math.min(n, CHUNK)];
        byte[] buf = new byte[4 * Math.min(n, CHUNK)];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, CHUNK);
            readFully(in, buf, 4 * k, field);
            a = grow(a, done + k, n);
            ByteBuffer.wrap(buf, 0, 4 * k).asFloatBuffer().get(a, done, k);
            done += k;
        }
        return a;
    }

    /** Arrays grow as data arrives (doubling up to the count), so a corrupt count cannot allocate ahead of the bytes. */
    private static int[] grow(int[] a, int needed, int n) {
        return needed <= a.length ? a : Arrays.copyOf(a, (int) Math.min(n, Math.max(2L * a.length, needed)));
    }

    private static float[] grow(float[] a, int needed, int n) {
        return needed <= a.length ? a : Arrays.copyOf(a, (int) Math.min(n, Math.max(2L * a.length, needed)));
    }

    private static byte[] readBytes(DataInput in, int n, String field) throws IOException {
        byte[] a = new byte[Math.min(n, 4 * CHUNK)];
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, 4 * CHUNK);
            if (done + k > a.length) {
                a = Arrays.copyOf(a, (int) Math.min(n, Math.max(2L * a.length, done + k)));
            }
            try {
                in.readFully(a, done, k);
            } catch (EOFException e) {
                throw truncated(field, e);
            }
            done += k;
        }
        return a;
    }

    // ---- primitives that name the field when the stream ends early

    private static int readCount(DataInput in, String field) throws IOException {
        int n = readInt(in, field);
        if (n < 0) {
            throw new IOException(field + ": negative count " + n);
        }
        return n;
    }

    private static void readFully(DataInput in, byte[] buf, int len, String field) throws IOException {
        try {
            in.readFully(buf, 0, len);
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    private static byte readByte(DataInput in, String field) throws IOException {
        try {
            return in.readByte();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    private static int readInt(DataInput in, String field) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    private static long readLong(DataInput in, String field) throws IOException {
        try {
            return in.readLong();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    private static EOFException truncated(String field, EOFException cause) {
        EOFException e = new EOFException("stream truncated while reading " + field);
        e.initCause(cause);
        return e;
    }
}
