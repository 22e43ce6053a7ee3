package org.unimoj.data.scene;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unimoj.api.text.SceneGraph;

/**
 * Decides whether a sentence's scene graph is true in an image's scene. The semantics (also in
 * WORLD.md):
 * <ul>
 *   <li>An entity denotes the objects whose class its noun denotes (a class, a synonym, or every
 *       class of a hypernym) and that have every one of its visual attribute values.</li>
 *   <li>A singular entity (count 1) is existential: some such object. A plural entity denotes the
 *       group of all such objects, which must number exactly its count (2 for "two dogs"), or at
 *       least 2 when the count is unstated (0: "dogs", "some dogs").</li>
 *   <li>A relation holds of two entities when it holds between every member of one and every
 *       member of the other; the image's relations are complete (closed world), so a relation the
 *       scene does not list is false.</li>
 *   <li>Different entities denote different objects.</li>
 *   <li>Non-visual attributes ("hungry") and relations ("belongs to"), and words outside the
 *       {@link Vocabulary}, cannot be decided: they are left out, and a graph that is otherwise
 *       satisfiable is then {@link Truth#UNKNOWN}.</li>
 * </ul>
 * So: FALSE when no assignment of objects satisfies the decidable part, UNKNOWN when one does but
 * something undecidable remains, TRUE otherwise. Thread-safe.
 */
public final class SceneTruth {

    private final Vocabulary vocabulary;

    public SceneTruth(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static SceneTruth world() {
        return new SceneTruth(Vocabulary.WORLD);
    }

    public Truth evaluate(ImageScene scene, SceneGraph graph) {
        int n = graph.objects().size();
        boolean undecidable = false;
        boolean[] known = new boolean[n];
        List<Map<String, String>> required = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            Vocabulary.Noun noun = vocabulary.noun(graph.objects().get(e).name());
            known[e] = noun != null;
            undecidable |= noun == null;
            required.add(new HashMap<>());
        }
        for (SceneGraph.Attribute a : graph.attributes()) {
            Vocabulary.Adjective adj = vocabulary.adjective(a.value());
            if (adj == null || !adj.visual() || !known[a.object()]) {
                undecidable = true;
                continue;
            }
            String before = required.get(a.object()).put(adj.family(), adj.value());
            if (before != null && !before.equals(adj.value())) {
                return Truth.FALSE;
            }
        }
        List<SceneGraph.Relation> relations = new ArrayList<>();
        for (SceneGraph.Relation r : graph.relations()) {
            Vocabulary.Predicate p = vocabulary.predicate(r.predicate());
            if (p == null || !p.visual() || !known[r.subject()] || !known[r.object()]) {
                undecidable = true;
                continue;
            }
            if (r.subject() == r.object()) {
                return Truth.FALSE;
            }
            relations.add(r);
        }
        // Candidates of each entity.
        List<BitSet> candidates = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            BitSet c = new BitSet();
            if (known[e]) {
                Set<String> classes = vocabulary.noun(graph.objects().get(e).name()).classes();
                for (SceneObject o : scene.objects()) {
                    if (classes.contains(o.className()) && hasAll(o, required.get(e))) {
                        c.set(o.id());
                    }
                }
                int count = graph.objects().get(e).count();
                if (count >= 2 && c.cardinality() != count || count == 0 && c.cardinality() < 2 || count == 1 && c.isEmpty()) {
                    return Truth.FALSE;
                }
            }
            candidates.add(c);
        }
        Set<SceneRelation> facts = new HashSet<>(scene.relations());
        BitSet[] chosen = new BitSet[n];
        boolean ok = assign(0, graph, known, candidates, relations, facts, chosen, new BitSet());
        if (!ok) {
            return Truth.FALSE;
        }
        return undecidable ? Truth.UNKNOWN : Truth.TRUE;
    }

    private static boolean hasAll(SceneObject o, Map<String, String> required) {
        for (Map.Entry<String, String> r : required.entrySet()) {
            if (!r.getValue().equals(o.attribute(r.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Backtracking over singular entities; plural ones take their whole group. */
    private static boolean assign(int e, SceneGraph graph, boolean[] known, List<BitSet> candidates, List<SceneGraph.Relation> relations,
                                  Set<SceneRelation> facts, BitSet[] chosen, BitSet used) {
        if (e == chosen.length) {
            return true;
        }
        if (!known[e]) {
            chosen[e] = new BitSet();
            return assign(e + 1, graph, known, candidates, relations, facts, chosen, used);
        }
        BitSet c = candidates.get(e);
        if (graph.objects().get(e).count() != 1) {
            if (c.intersects(used)) {
                return false;
            }
            chosen[e] = c;
            if (!consistent(e, relations, facts, chosen)) {
                return false;
            }
            BitSet u = (BitSet) used.clone();
            u.or(c);
            return assign(e + 1, graph, known, candidates, relations, facts, chosen, u);
        }
        for (int o = c.nextSetBit(0); o >= 0; o = c.nextSetBit(o + 1)) {
            if (used.get(o)) {
                continue;
            }
            BitSet one = new BitSet();
            one.set(o);
            chosen[e] = one;
            if (consistent(e, relations, facts, chosen)) {
                used.set(o);
                boolean ok = assign(e + 1, graph, known, candidates, relations, facts, chosen, used);
                used.clear(o);
                if (ok) {
                    return true;
                }
            }
        }
        chosen[e] = null;
        return false;
    }

    /** Checks the relations whose entities are all chosen once entity {@code e} is. */
    private static boolean consistent(int e, List<SceneGraph.Relation> relations, Set<SceneRelation> facts, BitSet[] chosen) {
        for (SceneGraph.Relation r : relations) {
            if (r.subject() != e && r.object() != e) {
                continue;
            }
            BitSet s = chosen[r.subject()], t = chosen[r.object()];
            if (s == null || t == null || r.subject() > e || r.object() > e) {
                continue;
            }
            for (int a = s.nextSetBit(0); a >= 0; a = s.nextSetBit(a + 1)) {
                for (int b = t.nextSetBit(0); b >= 0; b = t.nextSetBit(b + 1)) {
                    if (a == b || !facts.contains(new SceneRelation(a, r.predicate(), b))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
