package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes JSON lines: one object a line, written by the caller through a {@link JsonGenerator}. */
public final class JsonLinesWriter implements AutoCloseable {

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final Path file;
    private final Writer out;
    private long lines;

    public JsonLinesWriter(Path file) {
        this.file = file;
        try {
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** One line as a string, without its line end. */
    public static String line(Body body) {
        try {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(sw)) {
                body.write(g);
            }
            return sw.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Body body) {
        writeLine(line(body));
    }

    /** Writes a line made by {@link #line}. */
    public void writeLine(String json) {
        try {
            out.write(json);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public long lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
