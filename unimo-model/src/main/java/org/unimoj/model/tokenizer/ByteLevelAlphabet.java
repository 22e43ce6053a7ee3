package org.unimoj.model.tokenizer;

import java.io.ByteArrayOutputStream;

/**
 * GPT-2's reversible map from the 256 byte values to printable Unicode characters, so that every
 * token of a byte-level vocabulary is a readable string in {@code vocab.json} and
 * {@code merges.txt}: printable Latin-1 bytes map to themselves, the other 68 bytes (controls,
 * space, NBSP, soft hyphen) to U+0100 onwards, in byte order ({@code ' '} becomes {@code 'Ġ'},
 * {@code '\n'} becomes {@code 'Ċ'}).
 */
public final class ByteLevelAlphabet {

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final short[] CHAR_TO_BYTE = new short[0x200];
    /** The bytes in GPT-2's id order: printable ones first, then the remapped ones. */
    private static final int[] GPT2_ORDER = new int[256];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, (short) -1);
        int k = 0;
        for (int b = 0; b < 256; b++) {
            if (isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) b;
                GPT2_ORDER[k++] = b;
            }
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) (256 + n++);
                GPT2_ORDER[k++] = b;
            }
        }
        for (int b = 0; b < 256; b++) {
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = (short) b;
        }
    }

    private ByteLevelAlphabet() {}

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The character that stands for byte {@code b} (0..255). */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte a character stands for, or -1 if it is not one of the 256 alphabet characters. */
    public static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The {@code i}-th byte in GPT-2's order of the 256 byte tokens (ids 0..255 in GPT-2's vocabulary). */
    public static int byteInGpt2Order(int i) {
        return GPT2_ORDER[i];
    }

    /** The token string of a byte sequence. */
    public static String toTokenString(byte[] bytes) {
        char[] cs = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            cs[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(cs);
    }

    /** The bytes of a token string, or null if a character of it is not in the alphabet. */
    public static byte[] toBytes(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); i++) {
            int b = byteOf(token.charAt(i));
            if (b < 0) {
                return null;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
