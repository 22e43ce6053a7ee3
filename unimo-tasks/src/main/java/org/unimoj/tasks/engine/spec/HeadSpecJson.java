package org.unimoj.tasks.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.unimoj.api.task.HeadSpec;

/**
 * A {@link HeadSpec} as JSON: the record's fields plus {@code "kind"} ({@code classify},
 * {@code regress}, {@code rank}, {@code generate}), e.g.
 * {@code {"kind":"classify","numClasses":3,"pooling":"TEXT_IMAGE_CONCAT","hidden":256,"softLabels":false,"labelSmoothing":0.0}}.
 * Task checkpoints store their head this way.
 */
public final class HeadSpecJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<? extends HeadSpec>> KINDS = Map.of(
            "classify", HeadSpec.Classify.class,
            "regress", HeadSpec.Regress.class,
            "rank", HeadSpec.Rank.class,
            "generate", HeadSpec.Generate.class);

    private HeadSpecJson() {}

    /** The kind name of {@code spec}. */
    public static String kind(HeadSpec spec) {
        return spec.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    public static ObjectNode toJson(HeadSpec spec) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind(spec));
        node.setAll((ObjectNode) JSON.valueToTree(spec));
        return node;
    }

    /**
     * The head of {@code node}; a bad node is an error naming {@code where} and the field.
     *
     * @param where the file (and field) the node came from, for error messages
     */
    public static HeadSpec fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a head object");
        }
        String kind = node.path("kind").asText("");
        Class<? extends HeadSpec> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(where + ": field 'kind' is '" + kind + "', expected one of " + KINDS.keySet());
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("kind");
        try {
            return JSON.treeToValue(fields, type);
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(where + ": bad " + kind + " head: " + firstLine(cause.getMessage()), e);
        }
    }

    /**
     * Fails unless a model trained with head {@code saved} can serve {@code wanted}: the same kind
     * and the same layers (classes, pooling, hidden size, soft labels; for generation the attention
     * pattern). Label smoothing and decoding settings may differ (they shape training and search,
     * not parameters).
     */
    public static void requireCompatible(HeadSpec saved, HeadSpec wanted, String where) {
        HeadSpec a = structure(saved);
        HeadSpec b = structure(wanted);
        if (!a.equals(b)) {
            throw new IllegalArgumentException(where + ": the checkpoint's head " + toJson(saved) + " does not match the task's head "
                    + toJson(wanted));
        }
    }

    private static HeadSpec structure(HeadSpec s) {
        if (s instanceof HeadSpec.Classify c) {
            return new HeadSpec.Classify(c.numClasses(), c.pooling(), c.hidden(), c.softLabels(), 0f);
        }
        if (s instanceof HeadSpec.Generate g) {
            return new HeadSpec.Generate(g.attention(), 0f, new org.unimoj.api.task.GenerationSettings(1, 0, 0, 1, false));
        }
        return s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
