package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a JSON document (a top-level object) with each element of its top-level arrays on a line
 * of its own, so that errors in the file point at useful line numbers; everything else compact.
 * Callers write fields in a fixed order, so the same content gives the same bytes.
 */
public final class JsonArrayWriter implements AutoCloseable {

    private final Path file;
    private final JsonGenerator g;

    public JsonArrayWriter(Path file) {
        this.file = file;
        try {
            this.g = Json.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
            g.setPrettyPrinter(new LinePerElement());
            g.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** The generator: write top-level fields, arrays and their elements with it. */
    public JsonGenerator generator() {
        return g;
    }

    @Override
    public void close() {
        try {
            g.writeEndObject();
            g.writeRaw('\n');
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Compact output but a line break before each element of a top-level array and before its end. */
    private static final class LinePerElement implements PrettyPrinter {

        private static boolean topLevelArray(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inArray() && c.getParent() != null && c.getParent().inObject() && c.getParent().getParent() != null
                    && c.getParent().getParent().inRoot();
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(':');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues > 0 && topLevelArray(g)) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (topLevelArray(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (topLevelArray(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {}
    }
}
