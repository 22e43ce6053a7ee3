package org.unimoj.data.io;

import java.nio.file.Path;

/**
 * Bad input: a message that names the file, the line (0 when the problem concerns the whole
 * file) and the field, in the form {@code FILE:LINE: field 'F': reason}.
 */
public final class DataError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String field;
    private final String reason;

    public DataError(Path file, long line, String field, String reason) {
        super(format(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /** A problem with the file as a whole (missing, empty, unreadable). */
    public static DataError ofFile(Path file, String reason) {
        return new DataError(file, 0, null, reason);
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** The field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    static String format(Path file, long line, String field, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        sb.append(reason);
        return sb.toString();
    }
}
