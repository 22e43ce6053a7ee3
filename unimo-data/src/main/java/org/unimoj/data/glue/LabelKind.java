package org.unimoj.data.glue;

import java.util.Set;
import org.unimoj.data.io.RecordProblem;

/** What a task's labels look like, so that a bad label is caught where it is read. */
public enum LabelKind {
    /** "0" or "1" (SST-2, CoLA). */
    BINARY,
    /** "entailment", "neutral" or "contradiction" (MNLI). */
    NLI,
    /** A similarity score in [0, 5] (STS-B). */
    SCORE,
    /** Any non-empty text. */
    ANY;

    private static final Set<String> NLI_LABELS = Set.of("entailment", "neutral", "contradiction");

    void check(String label, String field) throws RecordProblem {
        switch (this) {
            case BINARY:
                if (!label.equals("0") && !label.equals("1")) {
                    throw new RecordProblem(field, "'" + label + "' is not 0 or 1");
                }
                break;
            case NLI:
                if (!NLI_LABELS.contains(label)) {
                    throw new RecordProblem(field, "'" + label + "' is not entailment, neutral or contradiction");
                }
                break;
            case SCORE:
                double v;
                try {
                    v = Double.parseDouble(label);
                } catch (NumberFormatException e) {
                    throw new RecordProblem(field, "'" + label + "' is not a number");
                }
                if (!(v >= 0 && v <= 5)) {
                    throw new RecordProblem(field, label + " is outside [0, 5]");
                }
                break;
            default:
                if (label.isEmpty()) {
                    throw new RecordProblem(field, "empty");
                }
        }
    }
}
