package org.unimoj.tasks.metrics.io;

import java.nio.file.Path;

/** A predictions or references file that cannot be scored: the message names the file, the line and the field. */
public final class MetricInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetricInputException(Path file, long line, String field, String problem) {
        super(file + ":" + line + ": " + field + ": " + problem);
    }

    public MetricInputException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
