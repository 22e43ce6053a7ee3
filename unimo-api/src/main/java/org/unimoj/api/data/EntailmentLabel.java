package org.unimoj.api.data;

import java.util.Locale;

/** The three labels of (visual) entailment, as SNLI and SNLI-VE spell them. */
public enum EntailmentLabel {
    ENTAILMENT, NEUTRAL, CONTRADICTION;

    /** The lower-case name the data files use ("entailment", "neutral", "contradiction"). */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label as the files write it, case-insensitively. */
    public static EntailmentLabel parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "entailment": return ENTAILMENT;
            case "neutral": return NEUTRAL;
            case "contradiction": return CONTRADICTION;
            default: throw new IllegalArgumentException("unknown entailment label '" + s + "' (expected entailment, neutral or contradiction)");
        }
    }
}
