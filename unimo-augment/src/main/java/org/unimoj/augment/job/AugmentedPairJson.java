package org.unimoj.augment.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonLinesWriter;
import org.unimoj.data.io.RecordProblem;

/** The JSON form of an {@link AugmentedPair}: one line of {@code augment.jsonl}. */
public final class AugmentedPairJson {

    private AugmentedPairJson() {}

    /** The pair as one JSON line (without its line end). */
    public static String line(AugmentedPair p) {
        return JsonLinesWriter.line(g -> write(g, p));
    }

    static void write(JsonGenerator g, AugmentedPair p) throws IOException {
        g.writeStartObject();
        g.writeStringField("caption_id", p.captionId());
        g.writeStringField("image_id", p.imageId());
        g.writeStringField("text", p.text());
        writeRewrites(g, "positives", p.positives());
        writeRewrites(g, "negatives", p.negatives());
        g.writeArrayFieldStart("related_images");
        for (AugmentedPair.RelatedImage r : p.relatedImages()) {
            g.writeStartObject();
            g.writeStringField("image_id", r.imageId());
            g.writeNumberField("overlap", round(r.overlap()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("related_texts");
        for (AugmentedPair.RelatedText r : p.relatedTexts()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("text", r.text());
            g.writeNumberField("score", round(r.score()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Four decimals: enough to rank, and the same bytes on every machine. */
    private static double round(double x) {
        return Math.round(x * 10000.0) / 10000.0;
    }

    private static void writeRewrites(JsonGenerator g, String name, List<Rewrite> rewrites) throws IOException {
        g.writeArrayFieldStart(name);
        for (Rewrite r : rewrites) {
            g.writeStartObject();
            g.writeStringField("text", r.text());
            g.writeStringField("rewriter", r.rewriter());
            g.writeStringField("granularity", r.granularity().name().toLowerCase(Locale.ROOT));
            g.writeStringField("polarity", r.polarity().name().toLowerCase(Locale.ROOT));
            g.writeStringField("detail", r.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Reads one pair, every field checked; a problem names the field ("negatives[2].polarity"). */
    static AugmentedPair read(JsonNode o) throws RecordProblem {
        String captionId = Json.id(o, "caption_id", "");
        String imageId = Json.id(o, "image_id", "");
        String text = Json.text(o, "text", "");
        List<Rewrite> positives = rewrites(o, "positives", Polarity.POSITIVE);
        List<Rewrite> negatives = rewrites(o, "negatives", Polarity.NEGATIVE);
        List<AugmentedPair.RelatedImage> images = new ArrayList<>();
        JsonNode ri = Json.array(o, "related_images", "");
        for (int i = 0; i < ri.size(); i++) {
            String at = "related_images[" + i + "]";
            JsonNode x = Json.object(ri.get(i), at);
            images.add(new AugmentedPair.RelatedImage(Json.id(x, "image_id", at), number(x, "overlap", at, 0, 1)));
        }
        List<AugmentedPair.RelatedText> texts = new ArrayList<>();
        JsonNode rt = Json.array(o, "related_texts", "");
        for (int i = 0; i < rt.size(); i++) {
            String at = "related_texts[" + i + "]";
            JsonNode x = Json.object(rt.get(i), at);
            texts.add(new AugmentedPair.RelatedText(Json.id(x, "id", at), Json.text(x, "text", at), number(x, "score", at, 0, Double.MAX_VALUE)));
        }
        return new AugmentedPair(captionId, imageId, text, positives, negatives, images, texts);
    }

    private static List<Rewrite> rewrites(JsonNode o, String name, Polarity expected) throws RecordProblem {
        JsonNode a = Json.array(o, name, "");
        List<Rewrite> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String at = name + "[" + i + "]";
            JsonNode x = Json.object(a.get(i), at);
            String text = Json.text(x, "text", at);
            String rewriter = Json.text(x, "rewriter", at);
            Granularity g = enumValue(Granularity.class, Json.text(x, "granularity", at), at + ".granularity");
            Polarity p = enumValue(Polarity.class, Json.text(x, "polarity", at), at + ".polarity");
            if (p != expected) {
                throw new RecordProblem(at + ".polarity", "'" + p.name().toLowerCase(Locale.ROOT) + "' in the " + name);
            }
            JsonNode d = x.get("detail");
            if (d != null && !d.isNull() && !d.isTextual()) {
                throw new RecordProblem(at + ".detail", "expected a string");
            }
            out.add(new Rewrite(text, rewriter, g, p, d == null || d.isNull() ? "" : d.textValue()));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) throws RecordProblem {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E x : type.getEnumConstants()) {
                names.add(x.name().toLowerCase(Locale.ROOT));
            }
            throw new RecordProblem(field, "'" + value + "' is not one of " + names);
        }
    }

    private static double number(JsonNode x, String name, String at, double min, double max) throws RecordProblem {
        JsonNode v = x.get(name);
        if (v == null || !v.isNumber()) {
            throw new RecordProblem(at + "." + name, v == null ? "missing" : "expected a number");
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new RecordProblem(at + "." + name, d + " is outside [" + min + ", " + max + "]");
        }
        return d;
    }
}
