package org.unimoj.runtime.cluster;

import akka.actor.ExtendedActorSystem;
import akka.serialization.SerializerWithStringManifest;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of the messages between trainer members: a fixed little-endian header and, for
 * a gradient chunk, its floats raw (4 bytes each; a step's part: its weights and slot ranges, 8 bytes each). No Java
 * serialization, no JSON: a 64k-float
 * bucket is 262,172 bytes on the wire.
 */
public final class MemberMessageSerializer extends SerializerWithStringManifest {

    /** Akka's id of this serializer (ids below 40 are Akka's own). */
    public static final int IDENTIFIER = 761_203;
    static final String CHUNK = "G";
    static final String SYNC = "S";
    static final String FINISHED = "F";
    static final String PART = "P";
    /** Bytes of a chunk's header: ring, step (8 each), phase, offset, length (4 each). */
    public static final int CHUNK_HEADER = 8 + 8 + 4 + 4 + 4;

    /** Akka constructs serializers reflectively with the system. */
    public MemberMessageSerializer(ExtendedActorSystem system) {}

    public MemberMessageSerializer() {}

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof MemberCommand.GradientChunk) {
            return CHUNK;
        } else if (o instanceof MemberCommand.Sync) {
            return SYNC;
        } else if (o instanceof MemberCommand.Finished) {
            return FINISHED;
        } else if (o instanceof MemberCommand.Part) {
            return PART;
        }
        throw new IllegalArgumentException("not a member message: " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof MemberCommand.GradientChunk c) {
            ByteBuffer b = ByteBuffer.allocate(CHUNK_HEADER + 4 * c.values().length).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(c.ring()).putLong(c.step()).putInt(c.phase()).putInt(c.offset()).putInt(c.values().length);
            b.asFloatBuffer().put(c.values());
            return b.array();
        } else if (o instanceof MemberCommand.Sync s) {
            byte[] a = s.address().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(8 * 2 + 4 + a.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(s.ring()).putLong(s.nextStep()).putInt(a.length).put(a);
            return b.array();
        } else if (o instanceof MemberCommand.Part p) {
            byte[] a = p.address().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(8 * 2 + 4 + 8 * p.weights().length + 4 + 8 * p.ranges().length + 4 + a.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(p.ring()).putLong(p.step());
            b.putInt(p.weights().length);
            for (double w : p.weights()) {
                b.putDouble(w);
            }
            b.putInt(p.ranges().length);
            for (long r : p.ranges()) {
                b.putLong(r);
            }
            b.putInt(a.length).put(a);
            return b.array();
        } else if (o instanceof MemberCommand.Finished f) {
            byte[] a = f.address().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(8 + 4 + a.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(f.ring()).putInt(a.length).put(a);
            return b.array();
        }
        throw new IllegalArgumentException("not a member message: " + o.getClass().getName());
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            switch (manifest) {
                case CHUNK -> {
                    long ring = b.getLong();
                    long step = b.getLong();
                    int phase = b.getInt();
                    int offset = b.getInt();
                    int n = b.getInt();
                    if (n < 0 || b.remaining() != 4L * n) {
                        throw new NotSerializableException("gradient chunk: header says " + n + " floats, " + b.remaining() + " bytes follow");
                    }
                    float[] v = new float[n];
                    b.asFloatBuffer().get(v);
                    return new MemberCommand.GradientChunk(ring, step, phase, offset, v);
                }
                case SYNC -> {
                    long ring = b.getLong();
                    long next = b.getLong();
                    return new MemberCommand.Sync(ring, next, string(b));
                }
                case PART -> {
                    long ring = b.getLong();
                    long step = b.getLong();
                    double[] weights = new double[length(b, 8, "weights")];
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] = b.getDouble();
                    }
                    long[] ranges = new long[length(b, 8, "ranges")];
                    for (int i = 0; i < ranges.length; i++) {
                        ranges[i] = b.getLong();
                    }
                    return new MemberCommand.Part(ring, step, string(b), weights, ranges);
                }
                case FINISHED -> {
                    long ring = b.getLong();
                    return new MemberCommand.Finished(ring, string(b));
                }
                default -> throw new NotSerializableException("unknown member message manifest '" + manifest + "'");
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new NotSerializableException("member message '" + manifest + "' truncated at " + bytes.length + " bytes");
        }
    }

    private static int length(ByteBuffer b, int bytesEach, String what) throws NotSerializableException {
        int n = b.getInt();
        if (n < 0 || (long) n * bytesEach > b.remaining()) {
            throw new NotSerializableException("member message: " + n + " " + what + ", only " + b.remaining() + " bytes follow");
        }
        return n;
    }

    private static String string(ByteBuffer b) throws NotSerializableException {
        int n = b.getInt();
        if (n < 0 || n != b.remaining()) {
            throw new NotSerializableException("member message: address of " + n + " bytes, " + b.remaining() + " follow");
        }
        byte[] a = new byte[n];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }
}
