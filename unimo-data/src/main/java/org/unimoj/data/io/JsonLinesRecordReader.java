package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A {@link LineRecordReader} for JSON lines: one JSON object a line. */
public abstract class JsonLinesRecordReader<T> extends LineRecordReader<T> {

    protected JsonLinesRecordReader(Path file, ReadOptions options) {
        super(file, options);
    }

    @Override
    protected final T parseLine(byte[] b, int from, int to) throws RecordProblem {
        String text = utf8.decode(b, from, to, "line");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RecordProblem("line", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        }
        return parseObject(Json.object(node, "line"));
    }

    /** Parses the line's JSON object. */
    protected abstract T parseObject(JsonNode object) throws RecordProblem;
}
