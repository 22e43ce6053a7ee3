package org.unimoj.plugins.summarization;

import java.util.List;
import java.util.Locale;

/**
 * The summarization data sets: where their files may be under a data directory, and the paper's
 * decoding defaults (beam 5, length penalty 0.6, trigram blocking).
 */
enum SummarizationSubtask {
    CNNDM("cnndm", "CNN/DailyMail", List.of("cnndm", "cnn_dm", "cnn_dailymail", "summarization"), 32),
    GIGAWORD("gigaword", "Gigaword", List.of("gigaword", "summarization"), 32);

    private final String id;
    private final String title;
    private final List<String> folders;
    private final int targetLength;

    SummarizationSubtask(String id, String title, List<String> folders, int targetLength) {
        this.id = id;
        this.title = title;
        this.folders = folders;
        this.targetLength = targetLength;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** Sub-directories of a data directory that may hold the files, tried after the directory itself. */
    List<String> folders() {
        return folders;
    }

    /** Default target length in ids ([SEP] included). */
    int targetLength() {
        return targetLength;
    }

    static SummarizationSubtask parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace("/", "").replace("_", "").replace("-", "");
        for (SummarizationSubtask t : values()) {
            if (t.id.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown summarization subtask '" + s + "' (expected cnndm or gigaword)");
    }
}
