package org.unimoj.api.data;

import java.util.Objects;

/**
 * One example of a text classification or regression task (the GLUE shape): a sentence, or a
 * sentence pair, and its label as the file writes it ("1", "entailment", "3.800").
 *
 * @param id       the example's id, unique within a file (the file's index column, else the line number)
 * @param text     the (first) sentence
 * @param pairText the second sentence of a pair task, or {@code null} for a single-sentence task
 * @param label    the label as written, or {@code null} for an unlabeled (test) file
 */
public record LabeledText(String id, String text, String pairText, String label) {
    public LabeledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public boolean isPair() {
        return pairText != null;
    }

    public boolean isLabeled() {
        return label != null;
    }
}
