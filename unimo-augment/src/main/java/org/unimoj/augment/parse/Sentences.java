package org.unimoj.augment.parse;

import java.util.List;
import org.unimoj.data.captions.CaptionTokens;

/** Tokens from a sentence and a sentence from tokens, in the Karpathy style of the captions. */
public final class Sentences {

    private Sentences() {}

    /** Karpathy's tokens of {@code raw}: lower case, punctuation removed, split on white space. */
    public static List<String> tokens(String raw) {
        return CaptionTokens.of(raw);
    }

    /** The tokens as a sentence: first letter upper case, then "." or "?". */
    public static String write(List<String> tokens, boolean question) {
        if (tokens.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(tokens.size() * 6);
        for (String t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        sb.append(question ? '?' : '.');
        return sb.toString();
    }
}
