package org.unimoj.data.io;

import java.nio.file.Path;

/**
 * A record failed validation: which field and why. Thrown by a format's parser and turned by
 * {@link RecordReader} into a {@link DataError} (policy fail) or a quarantined record (policy
 * skip). It carries no stack trace: it is an expected outcome, not a bug.
 */
public final class RecordProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Path file;
    private final long line;

    public RecordProblem(String field, String reason) {
        this(null, 0, field, reason);
    }

    private RecordProblem(Path file, long line, String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
        this.file = file;
        this.line = line;
    }

    /** A problem found in another file than the reader's own (e.g. the annotations beside a questions file). */
    public static RecordProblem in(Path file, long line, String field, String reason) {
        return new RecordProblem(file, line, field, reason);
    }

    /** The file at fault when it is not the reader's own, else null. */
    public Path file() {
        return file;
    }

    /** The line in {@link #file()}, when that is set. */
    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
