package org.unimoj.plugins.glue.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unimoj.api.data.Split;
import org.unimoj.data.glue.GlueLayout;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.LineReader;
import org.unimoj.plugins.glue.GlueSubtask;

/**
 * Where a GLUE task's files are and how they are laid out. A data directory may be the task's
 * folder itself ({@code SST-2/}), the GLUE download holding it ({@code glue_data/}), or a
 * generated world (whose {@code glue/plausibility/} is in the SST-2 layout). The layout of each
 * file is told from its first line: the official GLUE layouts, or two header-less columns
 * {@code sentence \t label} / {@code label \t sentence} for the single-sentence tasks (as in
 * {@code ../shared/data/sentence-classification}).
 */
public final class GlueFiles {

    /** The layout setting: {@code auto} (the default) or one of these names. */
    public enum LayoutChoice {
        AUTO, OFFICIAL, SENTENCE_TAB_LABEL, LABEL_TAB_SENTENCE;

        public static LayoutChoice parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("task setting 'layout': expected auto, official, sentence_tab_label or label_tab_sentence, got '"
                        + s + "'");
            }
        }
    }

    /**
     * How one file is laid out.
     *
     * @param layout   what the reader takes
     * @param hasIndex whether the rows carry GLUE's {@code index} column (else ids are line numbers)
     * @param name     for messages: "official SST-2", "label \t sentence", ...
     */
    public record Layout(GlueLayout layout, boolean hasIndex, String name) {}

    private GlueFiles() {}

    /** The directory holding {@code task}'s files under {@code dataDir}; an error listing where it looked if none does. */
    public static Path taskDirectory(Path dataDir, GlueSubtask task) {
        if (!Files.isDirectory(dataDir)) {
            throw DataError.ofFile(dataDir, "no such directory (the --data of glue/" + task.id() + ")");
        }
        List<Path> tried = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        candidates.add(dataDir);
        for (String f : task.folders()) {
            candidates.add(dataDir.resolve(f));
        }
        for (Path dir : candidates) {
            tried.add(dir);
            for (Split s : Split.values()) {
                for (GlueSubtask.Part p : task.parts(s)) {
                    if (Files.isRegularFile(dir.resolve(p.file()))) {
                        return dir;
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Split s : Split.values()) {
            task.parts(s).forEach(p -> names.add(p.file()));
        }
        throw DataError.ofFile(dataDir, "no " + task.glueName() + " files (" + String.join(", ", names) + ") here or in "
                + tried.subList(1, tried.size()) + "; point --data at the GLUE " + task.glueName() + " folder or a generated world");
    }

    /** The layout of {@code file} for {@code task}: told from its first line unless {@code choice} names one. */
    public static Layout layout(Path file, GlueSubtask task, LayoutChoice choice) {
        switch (choice) {
            case SENTENCE_TAB_LABEL:
                requireSingleSentence(task, choice);
                return new Layout(GlueLayout.SENTENCE_TAB_LABEL, false, "sentence \\t label");
            case LABEL_TAB_SENTENCE:
                requireSingleSentence(task, choice);
                return new Layout(GlueLayout.LABEL_TAB_SENTENCE, false, "label \\t sentence");
            default:
                break;
        }
        List<String> first = firstLine(file);
        GlueLayout official = task.officialLayout();
        boolean header = first.get(0).equals(official.idName()) || first.get(0).equals(official.textName());
        Layout officialLayout = new Layout(official, header && first.contains(official.idName()), "official " + task.glueName());
        if (choice == LayoutChoice.OFFICIAL || header || task == GlueSubtask.MNLI || task == GlueSubtask.STSB) {
            return officialLayout;
        }
        if (first.size() != 2) {
            // CoLA's 4 header-less columns, or something the reader will name the problem of.
            return officialLayout;
        }
        boolean labelFirst = isBinaryLabel(first.get(0));
        boolean labelSecond = isBinaryLabel(first.get(1));
        if (labelFirst && !labelSecond) {
            return new Layout(GlueLayout.LABEL_TAB_SENTENCE, false, "label \\t sentence");
        }
        if (labelSecond && !labelFirst) {
            return new Layout(GlueLayout.SENTENCE_TAB_LABEL, false, "sentence \\t label");
        }
        throw new DataError(file, 1, null, "cannot tell the layout of 2 header-less columns ("
                + (labelFirst ? "both look like" : "neither looks like") + " a 0/1 label); set the task setting 'layout' to "
                + "sentence_tab_label or label_tab_sentence");
    }

    private static void requireSingleSentence(GlueSubtask task, LayoutChoice choice) {
        if (task != GlueSubtask.SST2 && task != GlueSubtask.COLA) {
            throw new IllegalArgumentException("task setting 'layout' = " + choice.name().toLowerCase(Locale.ROOT) + " is for the "
                    + "single-sentence tasks (sst2, cola), not " + task.id());
        }
    }

    private static boolean isBinaryLabel(String s) {
        return s.equals("0") || s.equals("1");
    }

    /** The tab-separated fields of the first line, stripped (a byte-order mark removed). */
    static List<String> firstLine(Path file) {
        try (LineReader lines = LineReader.open(file)) {
            if (!lines.next()) {
                throw DataError.ofFile(file, "empty file: no records");
            }
            String line = new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String f : line.split("\t", -1)) {
                out.add(f.strip());
            }
            return out;
        }
    }
}
