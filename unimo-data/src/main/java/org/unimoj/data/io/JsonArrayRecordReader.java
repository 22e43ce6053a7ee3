package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RecordReader} over the elements of one top-level array of a JSON file ({@code images}
 * of a Karpathy file, {@code annotations} of a COCO file, {@code questions} of VQA), read with
 * Jackson's streaming parser: only one element is in memory at a time. Elements of other shards
 * are skipped without building them. Broken JSON is an error at its line and column: there is no
 * record boundary to skip to.
 */
public abstract class JsonArrayRecordReader<T> extends RecordReader<T> {

    private final JsonCursor cursor;
    private JsonNode current;

    protected JsonArrayRecordReader(Path file, ReadOptions options, String arrayField) {
        super(file, options);
        this.cursor = new JsonCursor(file, arrayField);
    }

    @Override
    protected final boolean advance() throws RecordProblem {
        current = null;
        return cursor.nextElement();
    }

    @Override
    protected final T parseCurrent() throws RecordProblem {
        current = cursor.readElement();
        return parseElement(current, cursor.elementIndex());
    }

    /** Parses element {@code index} (0-based) of the array. */
    protected abstract T parseElement(JsonNode element, long index) throws RecordProblem;

    @Override
    protected long currentLine() {
        return cursor.elementLine();
    }

    @Override
    protected String currentRaw() {
        return current == null ? "(unparsed element " + cursor.elementIndex() + ")" : current.toString();
    }

    @Override
    protected List<String> notes() {
        return cursor.notes();
    }

    @Override
    protected void release() {
        cursor.close();
    }

    /**
     * Walks one top-level array of a JSON file element by element. Used by the array readers and
     * by readers that walk two files in step (VQA questions and annotations).
     */
    public static final class JsonCursor implements AutoCloseable {
        private final Path file;
        private final String arrayField;
        private final JsonParser parser;
        private final boolean bom;
        private boolean inArray;
        private boolean done;
        private boolean pendingSkip;
        private long index = -1;
        private long line;
        private long column;

        public JsonCursor(Path file, String arrayField) {
            this.file = file;
            this.arrayField = arrayField;
            try {
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                in.mark(3);
                byte[] head = in.readNBytes(3);
                bom = head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
                if (!bom) {
                    in.reset();
                }
                this.parser = Json.MAPPER.getFactory().createParser(in);
            } catch (NoSuchFileException e) {
                throw DataError.ofFile(file, "no such file");
            } catch (IOException e) {
                throw DataError.ofFile(file, "cannot open: " + e.getMessage());
            }
        }

        public Path file() {
            return file;
        }

        /** Positions on the next element; false after the last one. */
        public boolean nextElement() throws RecordProblem {
            if (done) {
                return false;
            }
            try {
                if (!inArray) {
                    seekArray();
                    inArray = true;
                } else if (pendingSkip) {
                    parser.skipChildren();
                }
                JsonToken t = parser.nextToken();
                if (t == null) {
                    throw problem("the file ends inside the '" + arrayField + "' array (truncated?)");
                }
                if (t == JsonToken.END_ARRAY) {
                    done = true;
                    finishDocument();
                    return false;
                }
                JsonLocation loc = parser.currentTokenLocation();
                line = loc.getLineNr();
                column = loc.getColumnNr();
                index++;
                pendingSkip = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                return true;
            } catch (JsonProcessingException e) {
                throw broken(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        /** Builds the current element (call at most once per element). */
        public JsonNode readElement() throws RecordProblem {
            try {
                pendingSkip = false;
                JsonNode n = Json.MAPPER.readTree(parser);
                return n;
            } catch (JsonProcessingException e) {
                throw broken(e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        private void seekArray() throws IOException, RecordProblem {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw DataError.ofFile(file, "empty file: no records");
            }
            if (t != JsonToken.START_OBJECT) {
                throw problem("expected a JSON object at the top, got " + t.asString());
            }
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(arrayField)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new RecordProblem(arrayField, "expected an array");
                    }
                    return;
                }
                parser.skipChildren();
            }
            throw new RecordProblem(arrayField, "missing: the file has no top-level '" + arrayField + "' array");
        }

        private void finishDocument() throws IOException {
            // Read the rest so that trailing garbage or truncation shows up.
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                }
            }
        }

        private RecordProblem problem(String reason) {
            JsonLocation loc = parser.currentLocation();
            line = loc.getLineNr();
            return new RecordProblem(null, reason + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
        }

        private RecordProblem broken(JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            if (loc != null) {
                line = loc.getLineNr();
            }
            String msg = e.getOriginalMessage();
            return new RecordProblem(null, "broken JSON: " + msg + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
        }

        /** 0-based index of the current element. */
        public long elementIndex() {
            return index;
        }

        /** The line where the current element starts (or where the parser stopped). */
        public long elementLine() {
            return line;
        }

        public long elementColumn() {
            return column;
        }

        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (bom) {
                notes.add("removed a UTF-8 byte-order mark at the start of " + file);
            }
            return notes;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }
}
