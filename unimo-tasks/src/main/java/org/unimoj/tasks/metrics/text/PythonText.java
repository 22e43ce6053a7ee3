package org.unimoj.tasks.metrics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string semantics where the reference metrics depend on them: {@code str.split()} with no
 * argument splits on Python's whitespace set, which is not Java's {@link Character#isWhitespace}.
 */
public final class PythonText {

    private PythonText() {
    }

    /** Whether {@code c} is whitespace for Python 3's {@code str.isspace()}. */
    public static boolean isSpace(char c) {
        switch (c) {
            case ' ', '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0',
                    '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200a';
        }
    }

    /** Python's {@code s.split()}: runs of whitespace separate tokens; no empty tokens. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Python's {@code s.split(" ")}: every single space separates, so doubled spaces give empty tokens. */
    public static String[] splitOnSpace(String s) {
        return s.split(" ", -1);
    }

    /** Python's {@code s.strip()} with no argument. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
