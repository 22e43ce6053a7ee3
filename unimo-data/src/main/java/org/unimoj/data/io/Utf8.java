package org.unimoj.data.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of byte slices: invalid input is a {@link RecordProblem}, never a silent
 * U+FFFD. One instance per reader (not thread-safe).
 */
public final class Utf8 {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Decodes {@code b[from, to)}; {@code field} names the field in the problem. */
    public String decode(byte[] b, int from, int to, String field) throws RecordProblem {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new RecordProblem(field, "not valid UTF-8");
        }
    }

    /** Fails on characters that never belong in a data field: controls (but tab) and a stray byte-order mark. */
    public static void checkClean(String s, String field) throws RecordProblem {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFEFF') {
                throw new RecordProblem(field, "contains a byte-order mark (U+FEFF) at character " + (i + 1));
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new RecordProblem(field, String.format("contains the control character U+%04X at character %d", (int) c, i + 1));
            }
        }
    }
}
