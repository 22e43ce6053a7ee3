package org.unimoj.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Checked access to the fields of a JSON record: a missing or mistyped field is a {@link RecordProblem}. */
public final class Json {

    /** Strict about duplicate keys so that a record cannot say two things at once. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .build();

    private Json() {}

    /** A string field that is present and not blank. */
    public static String text(JsonNode node, String name, String path) throws RecordProblem {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new RecordProblem(path(path, name), "missing");
        }
        if (!v.isTextual()) {
            throw new RecordProblem(path(path, name), "expected a string, got " + v.getNodeType().name().toLowerCase() + " " + abbreviate(v));
        }
        String s = v.textValue();
        if (s.isBlank()) {
            throw new RecordProblem(path(path, name), "empty");
        }
        Utf8.checkClean(s, path(path, name));
        return s;
    }

    /** An id: an integer or a non-blank string, as text. */
    public static String id(JsonNode node, String name, String path) throws RecordProblem {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new RecordProblem(path(path, name), "missing");
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isTextual() && !v.textValue().isBlank()) {
            String s = v.textValue();
            Utf8.checkClean(s, path(path, name));
            if (!s.equals(s.strip())) {
                throw new RecordProblem(path(path, name), "'" + s + "' has leading or trailing white space");
            }
            return s;
        }
        throw new RecordProblem(path(path, name), "expected an integer or string id, got " + abbreviate(v));
    }

    /** An array field (possibly empty). */
    public static JsonNode array(JsonNode node, String name, String path) throws RecordProblem {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new RecordProblem(path(path, name), "missing");
        }
        if (!v.isArray()) {
            throw new RecordProblem(path(path, name), "expected an array, got " + abbreviate(v));
        }
        return v;
    }

    public static JsonNode object(JsonNode node, String path) throws RecordProblem {
        if (node == null || !node.isObject()) {
            throw new RecordProblem(path, "expected an object, got " + (node == null ? "nothing" : abbreviate(node)));
        }
        return node;
    }

    static String path(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
