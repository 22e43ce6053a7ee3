package org.unimoj.runtime.ablate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Runs one {@code unimo} command line of a study, its output appended to a log file; returns the exit code. */
@FunctionalInterface
public interface StepRunner {

    int run(List<String> args, Path log);

    /** A launcher's entry point: runs a command line, writing to the two writers, and returns the exit code. */
    @FunctionalInterface
    interface Launcher {
        int execute(String[] args, PrintWriter out, PrintWriter err);
    }

    /** In this JVM, through {@code launcher} (the launcher's own entry point: what {@code bin/unimo} would run). */
    static StepRunner inProcess(Launcher launcher) {
        return (args, log) -> {
            try {
                Files.createDirectories(log.getParent());
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), true)) {
                    w.println("$ unimo " + String.join(" ", args));
                    return launcher.execute(args.toArray(String[]::new), w, w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + log + ": " + e.getMessage(), e);
            }
        };
    }
}
