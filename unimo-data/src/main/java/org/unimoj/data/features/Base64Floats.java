package org.unimoj.data.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.unimoj.data.io.RecordProblem;

/**
 * Decodes standard, padded base64 (RFC 4648, as Python's {@code base64.b64encode} writes it)
 * straight from a byte slice into little-endian float32 values, with errors that say where the
 * text is wrong. One instance per reader: it keeps a scratch buffer.
 */
public final class Base64Floats {

    private static final byte[] DECODE = new byte[256];

    static {
        Arrays.fill(DECODE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private byte[] scratch = new byte[1 << 16];

    /**
     * The number of float32 values that {@code len} base64 characters ending with {@code padding}
     * '=' characters decode to, or a problem when the length is not whole.
     */
    static int byteCount(byte[] b, int off, int len, String field) throws RecordProblem {
        if (len == 0) {
            return 0;
        }
        if (len % 4 != 0) {
            throw new RecordProblem(field, "base64 text of " + len + " characters is not a multiple of 4 (truncated?)");
        }
        int pad = 0;
        if (b[off + len - 1] == '=') {
            pad++;
            if (b[off + len - 2] == '=') {
                pad++;
            }
        }
        return len / 4 * 3 - pad;
    }

    /**
     * Decodes {@code b[off, off+len)} into float32 values; {@code field} names the field in problems.
     *
     * @return the values, {@code byteCount / 4} of them
     */
    public float[] decode(byte[] b, int off, int len, String field) throws RecordProblem {
        int bytes = byteCount(b, off, len, field);
        if (bytes % 4 != 0) {
            throw new RecordProblem(field, "base64 decodes to " + bytes + " bytes, not a whole number of float32 values");
        }
        if (scratch.length < bytes + 3) {
            scratch = new byte[Math.max(bytes + 3, scratch.length * 2)];
        }
        byte[] out = scratch;
        int o = 0;
        int end = off + len;
        int full = len == 0 ? off : (bytes % 3 == 0 ? end : end - 4);
        int i = off;
        for (; i < full; i += 4) {
            int a = DECODE[b[i] & 0xFF], c1 = DECODE[b[i + 1] & 0xFF], c2 = DECODE[b[i + 2] & 0xFF], c3 = DECODE[b[i + 3] & 0xFF];
            if ((a | c1 | c2 | c3) < 0) {
                throw bad(b, off, i, field);
            }
            int v = a << 18 | c1 << 12 | c2 << 6 | c3;
            out[o] = (byte) (v >> 16);
            out[o + 1] = (byte) (v >> 8);
            out[o + 2] = (byte) v;
            o += 3;
        }
        if (i < end) {
            // The last quantum carries one or two '=' of padding.
            int a = DECODE[b[i] & 0xFF], c1 = DECODE[b[i + 1] & 0xFF];
            if ((a | c1) < 0) {
                throw bad(b, off, i, field);
            }
            int v = a << 18 | c1 << 12;
            if (b[i + 2] != '=') {
                int c2 = DECODE[b[i + 2] & 0xFF];
                if (c2 < 0) {
                    throw bad(b, off, i, field);
                }
                v |= c2 << 6;
                out[o++] = (byte) (v >> 16);
                out[o++] = (byte) (v >> 8);
            } else {
                out[o++] = (byte) (v >> 16);
            }
        }
        float[] values = new float[bytes / 4];
        ByteBuffer.wrap(out, 0, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static RecordProblem bad(byte[] b, int off, int quantum, String field) {
        for (int k = quantum; k < quantum + 4; k++) {
            if (DECODE[b[k] & 0xFF] < 0) {
                int c = b[k] & 0xFF;
                String shown = c >= 0x21 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
                return new RecordProblem(field, "invalid base64 character " + shown + " at position " + (k - off + 1));
            }
        }
        return new RecordProblem(field, "invalid base64 at position " + (quantum - off + 1));
    }
}
