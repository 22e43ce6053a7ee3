package org.unimoj.data.scene;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.RecordProblem;

/** The JSON forms of {@link ImageScene} and {@link GroundedCaption} (one object a line; see WORLD.md). */
public final class SceneJson {

    private SceneJson() {}

    public static void write(JsonGenerator g, ImageScene s, Vocabulary v) throws IOException {
        g.writeStartObject();
        g.writeStringField("image_id", s.imageId());
        g.writeStringField("split", s.split());
        g.writeStringField("file_name", s.fileName());
        g.writeNumberField("width", s.width());
        g.writeNumberField("height", s.height());
        g.writeStringField("setting", s.setting());
        g.writeFieldName("objects");
        g.writeStartArray();
        for (SceneObject o : s.objects()) {
            g.writeStartObject();
            g.writeNumberField("id", o.id());
            g.writeStringField("class", o.className());
            g.writeStringField("supercategory", v.objectClass(o.className()).supercategory());
            g.writeFieldName("attributes");
            g.writeStartObject();
            for (Map.Entry<String, String> a : o.attributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeFieldName("box");
            g.writeArray(new int[] {o.box().x1(), o.box().y1(), o.box().x2(), o.box().y2()}, 0, 4);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("relations");
        g.writeStartArray();
        for (SceneRelation r : s.relations()) {
            g.writeStartObject();
            g.writeNumberField("subject", r.subject());
            g.writeStringField("predicate", r.predicate());
            g.writeNumberField("object", r.object());
            g.writeBooleanField("spatial", BoxGeometry.isSpatial(r.predicate()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("regions");
        g.writeStartArray();
        for (RegionTruth r : s.regions()) {
            g.writeStartObject();
            g.writeStringField("kind", r.kind());
            if (r.object() >= 0) {
                g.writeNumberField("object", r.object());
            }
            g.writeStringField("detected_class", r.detectedClass());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("missed_objects");
        g.writeStartArray();
        for (int m : s.missed()) {
            g.writeNumber(m);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static ImageScene readScene(JsonNode n) throws RecordProblem {
        String id = Json.id(n, "image_id", "");
        String split = Json.text(n, "split", "");
        String file = Json.text(n, "file_name", "");
        int w = integer(n, "width"), h = integer(n, "height");
        String setting = Json.text(n, "setting", "");
        List<SceneObject> objects = new ArrayList<>();
        JsonNode os = Json.array(n, "objects", "");
        for (int i = 0; i < os.size(); i++) {
            String at = "objects[" + i + "]";
            JsonNode o = Json.object(os.get(i), at);
            if (integer(o, "id") != i) {
                throw new RecordProblem(at + ".id", "expected " + i);
            }
            String cls = Json.text(o, "class", at);
            if (!Vocabulary.WORLD.isClass(cls)) {
                throw new RecordProblem(at + ".class", "unknown class '" + cls + "'");
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            JsonNode an = Json.object(o.get("attributes"), at + ".attributes");
            for (Map.Entry<String, JsonNode> e : an.properties()) {
                attrs.put(e.getKey(), Json.text(an, e.getKey(), at + ".attributes"));
            }
            JsonNode b = Json.array(o, "box", at);
            if (b.size() != 4) {
                throw new RecordProblem(at + ".box", "expected 4 numbers");
            }
            Box box;
            try {
                box = new Box(b.get(0).intValue(), b.get(1).intValue(), b.get(2).intValue(), b.get(3).intValue());
            } catch (IllegalArgumentException e) {
                throw new RecordProblem(at + ".box", e.getMessage());
            }
            if (!box.inside(w, h)) {
                throw new RecordProblem(at + ".box", "lies outside the " + w + "x" + h + " image");
            }
            objects.add(new SceneObject(i, cls, attrs, box));
        }
        List<SceneRelation> relations = new ArrayList<>();
        JsonNode rs = Json.array(n, "relations", "");
        for (int i = 0; i < rs.size(); i++) {
            String at = "relations[" + i + "]";
            JsonNode r = Json.object(rs.get(i), at);
            int s = index(r, "subject", objects.size(), at), o = index(r, "object", objects.size(), at);
            try {
                relations.add(new SceneRelation(s, Json.text(r, "predicate", at), o));
            } catch (IllegalArgumentException e) {
                throw new RecordProblem(at, e.getMessage());
            }
        }
        List<RegionTruth> regions = new ArrayList<>();
        JsonNode gs = Json.array(n, "regions", "");
        for (int i = 0; i < gs.size(); i++) {
            String at = "regions[" + i + "]";
            JsonNode r = Json.object(gs.get(i), at);
            int o = r.has("object") ? index(r, "object", objects.size(), at) : -1;
            try {
                regions.add(new RegionTruth(o, Json.text(r, "kind", at), Json.text(r, "detected_class", at)));
            } catch (IllegalArgumentException e) {
                throw new RecordProblem(at, e.getMessage());
            }
        }
        List<Integer> missed = new ArrayList<>();
        JsonNode ms = Json.array(n, "missed_objects", "");
        for (int i = 0; i < ms.size(); i++) {
            if (!ms.get(i).isInt() || ms.get(i).intValue() < 0 || ms.get(i).intValue() >= objects.size()) {
                throw new RecordProblem("missed_objects[" + i + "]", "not an object id");
            }
            missed.add(ms.get(i).intValue());
        }
        return new ImageScene(id, split, file, w, h, setting, objects, relations, regions, missed);
    }

    public static void write(JsonGenerator g, GroundedCaption c, Vocabulary v) throws IOException {
        SceneGraph sg = c.graph();
        g.writeStartObject();
        g.writeStringField("caption_id", c.id());
        g.writeStringField("image_id", c.imageId());
        g.writeStringField("split", c.split());
        g.writeStringField("raw", c.raw());
        g.writeFieldName("tokens");
        g.writeStartArray();
        for (String t : sg.tokens()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("construction", c.construction());
        g.writeFieldName("objects");
        g.writeStartArray();
        for (SceneGraph.Entity e : sg.objects()) {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            g.writeNumberField("count", e.count());
            span(g, e.span());
            Vocabulary.Noun noun = v.noun(e.name());
            if (noun != null) {
                g.writeFieldName("classes");
                g.writeStartArray();
                for (String cls : noun.classes()) {
                    g.writeString(cls);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("attributes");
        g.writeStartArray();
        for (SceneGraph.Attribute a : sg.attributes()) {
            g.writeStartObject();
            g.writeNumberField("object", a.object());
            g.writeStringField("value", a.value());
            span(g, a.span());
            Vocabulary.Adjective adj = v.adjective(a.value());
            if (adj != null) {
                g.writeStringField("family", adj.family());
                g.writeStringField("canonical", adj.value());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("relations");
        g.writeStartArray();
        for (SceneGraph.Relation r : sg.relations()) {
            g.writeStartObject();
            g.writeNumberField("subject", r.subject());
            g.writeStringField("predicate", r.predicate());
            g.writeNumberField("object", r.object());
            span(g, r.span());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void span(JsonGenerator g, Span s) throws IOException {
        g.writeFieldName("span");
        g.writeArray(new int[] {s.start(), s.end()}, 0, 2);
    }

    public static GroundedCaption readCaption(JsonNode n) throws RecordProblem {
        String id = Json.id(n, "caption_id", "");
        String image = Json.id(n, "image_id", "");
        String split = Json.text(n, "split", "");
        String raw = Json.text(n, "raw", "");
        String construction = n.has("construction") ? Json.text(n, "construction", "") : "";
        JsonNode ts = Json.array(n, "tokens", "");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            if (!ts.get(i).isTextual()) {
                throw new RecordProblem("tokens[" + i + "]", "expected a string");
            }
            tokens.add(ts.get(i).textValue());
        }
        List<SceneGraph.Entity> objects = new ArrayList<>();
        JsonNode os = Json.array(n, "objects", "");
        for (int i = 0; i < os.size(); i++) {
            String at = "objects[" + i + "]";
            JsonNode o = Json.object(os.get(i), at);
            objects.add(new SceneGraph.Entity(Json.text(o, "name", at), integer(o, "count"), span(o, tokens.size(), at)));
        }
        List<SceneGraph.Attribute> attributes = new ArrayList<>();
        JsonNode as = Json.array(n, "attributes", "");
        for (int i = 0; i < as.size(); i++) {
            String at = "attributes[" + i + "]";
            JsonNode a = Json.object(as.get(i), at);
            attributes.add(new SceneGraph.Attribute(index(a, "object", objects.size(), at), Json.text(a, "value", at), span(a, tokens.size(), at)));
        }
        List<SceneGraph.Relation> relations = new ArrayList<>();
        JsonNode rs = Json.array(n, "relations", "");
        for (int i = 0; i < rs.size(); i++) {
            String at = "relations[" + i + "]";
            JsonNode r = Json.object(rs.get(i), at);
            relations.add(new SceneGraph.Relation(index(r, "subject", objects.size(), at), Json.text(r, "predicate", at),
                    index(r, "object", objects.size(), at), span(r, tokens.size(), at)));
        }
        return new GroundedCaption(id, image, split, raw, new SceneGraph(tokens, objects, attributes, relations), construction);
    }

    private static Span span(JsonNode n, int tokens, String at) throws RecordProblem {
        JsonNode s = Json.array(n, "span", at);
        if (s.size() != 2 || !s.get(0).isInt() || !s.get(1).isInt()) {
            throw new RecordProblem(at + ".span", "expected [start, end]");
        }
        int a = s.get(0).intValue(), b = s.get(1).intValue();
        if (a < 0 || b <= a || b > tokens) {
            throw new RecordProblem(at + ".span", "[" + a + ", " + b + ") is not a non-empty range of the " + tokens + " tokens");
        }
        return new Span(a, b);
    }

    private static int integer(JsonNode n, String name) throws RecordProblem {
        JsonNode v = n.get(name);
        if (v == null || !v.isInt()) {
            throw new RecordProblem(name, v == null ? "missing" : "expected an integer, got " + v);
        }
        return v.intValue();
    }

    private static int index(JsonNode n, String name, int size, String at) throws RecordProblem {
        JsonNode v = n.get(name);
        if (v == null || !v.isInt() || v.intValue() < 0 || v.intValue() >= size) {
            throw new RecordProblem(at + "." + name, (v == null ? "missing" : v + " is not an index below " + size));
        }
        return v.intValue();
    }
}
