package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file where skipped records go, one JSON object a line:
 * {@code {"file":..., "line":..., "field":..., "reason":..., "record":...}} with the record's raw
 * text (invalid UTF-8 replaced by U+FFFD). Thread-safe; several readers may share one.
 */
public final class Quarantine implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path path;
    private Writer out;
    private long count;

    private Quarantine(Path path) {
        this.path = path;
    }

    /** A quarantine that writes to {@code path} (created, or truncated, on the first record). */
    public static Quarantine toFile(Path path) {
        return new Quarantine(path);
    }

    public Path path() {
        return path;
    }

    /** Records quarantined so far. */
    public synchronized long count() {
        return count;
    }

    public synchronized void add(Path file, long line, String field, String reason, String record) {
        try {
            if (out == null) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
            }
            try (JsonGenerator g = JSON.createGenerator(new NonClosing(out))) {
                g.writeStartObject();
                g.writeStringField("file", String.valueOf(file));
                g.writeNumberField("line", line);
                g.writeStringField("field", field);
                g.writeStringField("reason", reason);
                g.writeStringField("record", record);
                g.writeEndObject();
            }
            out.write('\n');
            out.flush();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine file " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close quarantine file " + path, e);
            }
        }
    }

    /** Lets the JSON generator close without closing the file under it. */
    private static final class NonClosing extends Writer {
        private final Writer w;

        NonClosing(Writer w) {
            this.w = w;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            w.write(c, off, len);
        }

        @Override
        public void flush() throws IOException {
            w.flush();
        }

        @Override
        public void close() {}
    }
}
