package org.unimoj.augment.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;

/**
 * The scene graph of an image, as rewriters check candidates against it: the ground truth of an
 * embedded-world image (every object with every attribute and every relation: a closed world), or,
 * for real data, the union of what the image's captions say (an open world: what no caption says is
 * unknown, not false). Graphs here have no tokens; their spans are empty.
 */
public final class ImageGraphs {

    private static final Span NO_SPAN = new Span(0, 0);

    private ImageGraphs() {}

    /** The full ground truth of a world image: one entity per object (its class, count 1), canonical attribute values, all relations. */
    public static SceneGraph fromScene(ImageScene scene) {
        List<SceneGraph.Entity> entities = new ArrayList<>(scene.objects().size());
        List<SceneGraph.Attribute> attributes = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            entities.add(new SceneGraph.Entity(o.className(), 1, NO_SPAN));
            for (Map.Entry<String, String> a : o.attributes().entrySet()) {
                attributes.add(new SceneGraph.Attribute(o.id(), a.getValue(), NO_SPAN));
            }
        }
        List<SceneGraph.Relation> relations = new ArrayList<>(scene.relations().size());
        for (SceneRelation r : scene.relations()) {
            relations.add(new SceneGraph.Relation(r.subject(), r.predicate(), r.object(), NO_SPAN));
        }
        return new SceneGraph(List.of(), entities, attributes, relations);
    }

    /**
     * The union of an image's caption graphs. Mentions with the same noun (or synonyms) and count whose
     * attributes do not conflict (no two values of one family) are taken to be the same entity, so
     * "a black dog" and "a small dog" become one small black dog; relations are carried over and
     * deduplicated.
     */
    public static SceneGraph union(List<SceneGraph> graphs, Lexicon lexicon) {
        List<SceneGraph.Entity> entities = new ArrayList<>();
        List<List<String>> attrs = new ArrayList<>();
        List<SceneGraph.Relation> relations = new ArrayList<>();
        Set<String> seenRelations = new HashSet<>();
        for (SceneGraph g : graphs) {
            int[] map = new int[g.objects().size()];
            List<List<String>> own = new ArrayList<>();
            for (int e = 0; e < g.objects().size(); e++) {
                own.add(new ArrayList<>(2));
            }
            for (SceneGraph.Attribute a : g.attributes()) {
                own.get(a.object()).add(a.value());
            }
            Set<Integer> takenHere = new HashSet<>();
            for (int e = 0; e < g.objects().size(); e++) {
                SceneGraph.Entity x = g.objects().get(e);
                int found = -1;
                for (int i = 0; i < entities.size() && found < 0; i++) {
                    SceneGraph.Entity y = entities.get(i);
                    if (!takenHere.contains(i) && y.count() == x.count() && lexicon.sameNoun(y.name(), x.name()) && !conflict(attrs.get(i), own.get(e), lexicon)) {
                        found = i;
                    }
                }
                if (found < 0) {
                    found = entities.size();
                    entities.add(new SceneGraph.Entity(x.name(), x.count(), NO_SPAN));
                    attrs.add(new ArrayList<>());
                }
                takenHere.add(found);
                for (String v : own.get(e)) {
                    if (!attrs.get(found).contains(v)) {
                        attrs.get(found).add(v);
                    }
                }
                map[e] = found;
            }
            for (SceneGraph.Relation r : g.relations()) {
                int s = map[r.subject()];
                int o = map[r.object()];
                if (s != o && seenRelations.add(s + " " + r.predicate() + " " + o)) {
                    relations.add(new SceneGraph.Relation(s, r.predicate(), o, NO_SPAN));
                }
            }
        }
        List<SceneGraph.Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < attrs.size(); i++) {
            for (String v : attrs.get(i)) {
                attributes.add(new SceneGraph.Attribute(i, v, NO_SPAN));
            }
        }
        return new SceneGraph(List.of(), entities, attributes, relations);
    }

    private static boolean conflict(List<String> a, List<String> b, Lexicon lexicon) {
        for (String x : a) {
            String fx = lexicon.adjectiveFamily(x);
            for (String y : b) {
                if (!fx.equals("other") && fx.equals(lexicon.adjectiveFamily(y)) && !lexicon.sameAdjective(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
