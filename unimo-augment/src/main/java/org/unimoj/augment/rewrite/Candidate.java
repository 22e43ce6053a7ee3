package org.unimoj.augment.rewrite;

import java.util.List;

/** A proposed rewrite before it is checked: its tokens, whether it is a question, and what changed. */
record Candidate(List<String> tokens, boolean question, String detail) {
    Candidate {
        tokens = List.copyOf(tokens);
    }

    static Candidate of(List<String> tokens, String detail) {
        return new Candidate(Edits.fixArticles(new java.util.ArrayList<>(tokens)), false, detail);
    }
}
