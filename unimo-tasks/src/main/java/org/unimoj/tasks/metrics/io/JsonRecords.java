package org.unimoj.tasks.metrics.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Streams the records of a JSON array (the top-level array, or the array under a top-level field)
 * with the line each record starts on, so errors can name it. Other top-level fields are skipped.
 */
final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One array element and where it starts. */
    record Record(JsonNode node, long line, int index) {
    }

    interface Handler {
        void accept(Record r);
    }

    private JsonRecords() {
    }

    /**
     * Calls {@code handler} for each element of the array at {@code field} of the top-level object, or of
     * the top-level array when {@code field} is null; returns how many there were.
     */
    static int forEach(Path file, String field, Handler handler) {
        if (!Files.isRegularFile(file)) {
            throw new MetricInputException(file, "no such file");
        }
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (field == null) {
                if (first != JsonToken.START_ARRAY) {
                    throw new MetricInputException(file, p.currentTokenLocation().getLineNr(), "(top level)", "expected a JSON array");
                }
                return readArray(file, p, field, handler);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MetricInputException(file, p.currentTokenLocation().getLineNr(), "(top level)",
                        "expected a JSON object with an array \"" + field + "\"");
            }
            int count = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new MetricInputException(file, p.currentTokenLocation().getLineNr(), field, "expected an array");
                    }
                    count = readArray(file, p, field, handler);
                } else {
                    p.skipChildren();
                }
            }
            if (count < 0) {
                throw new MetricInputException(file, "no top-level field \"" + field + "\"");
            }
            return count;
        } catch (NoSuchFileException e) {
            throw new MetricInputException(file, "no such file");
        } catch (JsonParseException e) {
            throw new MetricInputException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "(json)",
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static int readArray(Path file, JsonParser p, String field, Handler handler) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == null) {
                throw new MetricInputException(file, "unexpected end of file inside " + (field == null ? "the array" : field));
            }
            long line = p.currentTokenLocation().getLineNr();
            JsonNode node = MAPPER.readTree(p);
            handler.accept(new Record(node, line, index++));
        }
        return index;
    }

    /** The text of an id field that may be a JSON number or string. */
    static String id(Path file, Record r, String array, String field) {
        JsonNode v = r.node().get(field);
        String where = array + "[" + r.index() + "]." + field;
        if (v == null || v.isNull()) {
            throw new MetricInputException(file, r.line(), where, "missing");
        }
        if (v.isIntegralNumber() || v.isTextual()) {
            return v.asText();
        }
        throw new MetricInputException(file, r.line(), where, "expected an integer or a string, got " + v.getNodeType());
    }

    static long longId(Path file, Record r, String array, String field) {
        JsonNode v = r.node().get(field);
        String where = array + "[" + r.index() + "]." + field;
        if (v == null || v.isNull()) {
            throw new MetricInputException(file, r.line(), where, "missing");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        throw new MetricInputException(file, r.line(), where, "expected an integer, got " + v.getNodeType());
    }

    static String text(Path file, Record r, String array, String field) {
        JsonNode v = r.node().get(field);
        String where = array + "[" + r.index() + "]." + field;
        if (v == null || v.isNull()) {
            throw new MetricInputException(file, r.line(), where, "missing");
        }
        if (!v.isTextual()) {
            throw new MetricInputException(file, r.line(), where, "expected a string, got " + v.getNodeType());
        }
        return v.asText();
    }
}
