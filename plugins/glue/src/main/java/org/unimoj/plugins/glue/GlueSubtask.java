package org.unimoj.plugins.glue;

import java.util.List;
import java.util.Locale;
import org.unimoj.api.data.Split;
import org.unimoj.data.glue.GlueLayout;

/**
 * The GLUE tasks this plugin serves, with what differs between them: the official file layout,
 * the label set (empty for STS-B's regression), the folder names of the GLUE download and the
 * files of each split. MNLI's validation and test splits have two parts, matched and mismatched.
 */
public enum GlueSubtask {
    SST2("sst2", "SST-2", GlueLayout.SST2, List.of("0", "1"), List.of("SST-2", "SST2", "glue/plausibility")),
    MNLI("mnli", "MNLI", GlueLayout.MNLI, List.of("contradiction", "entailment", "neutral"), List.of("MNLI")),
    COLA("cola", "CoLA", GlueLayout.COLA, List.of("0", "1"), List.of("CoLA", "COLA")),
    STSB("stsb", "STS-B", GlueLayout.STSB, List.of(), List.of("STS-B", "STSB"));

    /** One file of a split: MNLI's "matched" and "mismatched" halves, or the whole split. */
    public record Part(String name, String file, String submission) {
        /** The suffix metric names of this part get ("" for a split in one file). */
        public String metricSuffix() {
            return name.isEmpty() ? "" : "_" + name;
        }
    }

    private final String id;
    private final String glueName;
    private final GlueLayout layout;
    private final List<String> labels;
    private final List<String> folders;

    GlueSubtask(String id, String glueName, GlueLayout layout, List<String> labels, List<String> folders) {
        this.id = id;
        this.glueName = glueName;
        this.layout = layout;
        this.labels = labels;
        this.folders = folders;
    }

    /** The name users type after "glue/". */
    public String id() {
        return id;
    }

    /** The name GLUE gives the task (its folder and submission file). */
    public String glueName() {
        return glueName;
    }

    /** The layout of the official GLUE files. */
    public GlueLayout officialLayout() {
        return layout;
    }

    /** The labels in class-index order; empty for a regression task. */
    public List<String> labels() {
        return labels;
    }

    public boolean regression() {
        return labels.isEmpty();
    }

    /** Sub-directories of a data directory that may hold this task's files, tried after the directory itself. */
    public List<String> folders() {
        return folders;
    }

    /** The files of {@code split}, in the order they are scored; the first is what {@code read} streams. */
    public List<Part> parts(Split split) {
        if (this == MNLI && split != Split.TRAIN) {
            String prefix = split == Split.VAL ? "dev" : "test";
            return List.of(new Part("matched", prefix + "_matched.tsv", "MNLI-m.tsv"),
                    new Part("mismatched", prefix + "_mismatched.tsv", "MNLI-mm.tsv"));
        }
        String file = switch (split) {
            case TRAIN -> "train.tsv";
            case VAL -> "dev.tsv";
            case TEST -> "test.tsv";
        };
        return List.of(new Part("", file, glueName + ".tsv"));
    }

    /** The class index of {@code label} (as the file writes it; the reader has checked it). */
    public int labelIndex(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException(glueName + ": unknown label '" + label + "' (expected one of " + labels + ")");
        }
        return i;
    }

    /** Parses "sst2", "SST-2", "cola", ... */
    public static GlueSubtask parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (GlueSubtask t : values()) {
            if (t.id.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown glue subtask '" + s + "' (expected one of sst2, mnli, cola, stsb)");
    }
}
