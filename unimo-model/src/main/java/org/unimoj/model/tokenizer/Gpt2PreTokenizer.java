package org.unimoj.model.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2's pre-tokenization, written out by hand instead of run through a regular expression:
 * the pattern {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}
 * as {@code java.util.regex} with {@code UNICODE_CHARACTER_CLASS} evaluates it (the form jtokkit
 * and tiktoken use for r50k_base): contractions are lower case only; one optional leading
 * U+0020 joins the run of letters, digits or other characters that follows; a whitespace run
 * gives its last character to the next word unless it ends the text. "Whitespace" is Unicode
 * White_Space, "letter" the categories L*, "number" N*, everything else (marks, punctuation,
 * symbols, emoji, lone surrogates) "other". A chunk depends only on the text from its start
 * onwards, so a stream can be split chunk by chunk.
 */
public final class Gpt2PreTokenizer {

    static final byte OTHER = 0;
    static final byte LETTER = 1;
    static final byte NUMBER = 2;
    static final byte SPACE = 3;
    /** A UTF-16 surrogate; its class depends on whether it is half of a valid pair. */
    private static final byte SURROGATE = 4;

    private static final byte[] BMP_CLASS = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            BMP_CLASS[c] = Character.isSurrogate((char) c) ? SURROGATE : classOfCodePoint(c);
        }
    }

    private Gpt2PreTokenizer() {}

    /** The class of a code point, as {@code java.util.regex} sees {@code \s}, {@code \p{L}} and {@code \p{N}}. */
    static byte classOfCodePoint(int cp) {
        int type = Character.getType(cp);
        switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER:
                return LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
                return NUMBER;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return SPACE;
            default:
                // Unicode White_Space outside the Z* categories: TAB..CR and NEL.
                return (cp >= 0x9 && cp <= 0xD) || cp == 0x85 ? SPACE : OTHER;
        }
    }

    /** The class of the code point at {@code i}; a lone surrogate is "other". */
    private static byte classAt(char[] s, int i, int end) {
        char c = s[i];
        byte k = BMP_CLASS[c];
        if (k != SURROGATE) {
            return k;
        }
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s[i + 1])) {
            return classOfCodePoint(Character.toCodePoint(c, s[i + 1]));
        }
        return OTHER;
    }

    /** The width in chars of the code point at {@code i}: 2 for a valid surrogate pair, else 1. */
    private static int widthAt(char[] s, int i, int end) {
        return Character.isHighSurrogate(s[i]) && i + 1 < end && Character.isLowSurrogate(s[i + 1]) ? 2 : 1;
    }

    /**
     * The end (exclusive) of the chunk that starts at {@code i}, for {@code i < end}. Reads
     * nothing before {@code i}, and at most two chars past the returned end unless that end is
     * {@code end} itself.
     */
    public static int chunkEnd(char[] s, int i, int end) {
        char c = s[i];
        if (c == '\'' && i + 1 < end) {
            char d = s[i + 1];
            if (d == 's' || d == 't' || d == 'm' || d == 'd') {
                return i + 2;
            }
            if (i + 2 < end) {
                char e = s[i + 2];
                if ((d == 'l' && e == 'l') || (d == 'v' && e == 'e') || (d == 'r' && e == 'e')) {
                    return i + 3;
                }
            }
        }
        byte k = BMP_CLASS[c];
        if (k == LETTER || k == OTHER && c != ' ') {
            // The common case first: a BMP letter or symbol starts a run of its class.
            return runEnd(s, i + 1, end, k);
        }
        if (c == ' ' && i + 1 < end) {
            byte next = classAt(s, i + 1, end);
            if (next != SPACE) {
                return runEnd(s, i + 1, end, next);
            }
        }
        if (k == SURROGATE) {
            return runEnd(s, i, end, classAt(s, i, end));
        }
        if (k != SPACE) {
            return runEnd(s, i + 1, end, k);
        }
        int j = i + 1;
        while (j < end && BMP_CLASS[s[j]] == SPACE) {
            j++;
        }
        if (j == end) {
            return end;
        }
        // \s+(?!\S): leave the last whitespace char to the word after it; a single one stands alone.
        return j - i >= 2 ? j - 1 : j;
    }

    private static int runEnd(char[] s, int j, int end, byte k) {
        while (j < end) {
            char c = s[j];
            byte cj = BMP_CLASS[c];
            if (cj == k) {
                j++;
            } else if (cj == SURROGATE && classAt(s, j, end) == k) {
                j += widthAt(s, j, end);
            } else {
                return j;
            }
        }
        return j;
    }

    /** The chunks of {@code text}, in order; their concatenation is {@code text}. */
    public static List<String> split(String text) {
        char[] s = text.toCharArray();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length) {
            int e = chunkEnd(s, i, s.length);
            out.add(new String(s, i, e - i));
            i = e;
        }
        return out;
    }
}
