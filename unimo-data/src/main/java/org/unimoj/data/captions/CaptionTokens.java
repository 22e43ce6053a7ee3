package org.unimoj.data.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenisation of Karpathy's caption files: lower case, punctuation removed, split on white
 * space ("A man riding a horse." -> [a, man, riding, a, horse]). The world's caption scene graphs
 * index these tokens.
 */
public final class CaptionTokens {

    private CaptionTokens() {}

    public static List<String> of(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '-') {
                sb.append(c);
            } else {
                sb.append(' ');
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String t : sb.toString().split(" +")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }
}
