package org.unimoj.augment.graph;

import java.util.ArrayList;
import java.util.List;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.lexicon.Lexicon;

/**
 * Whether one caption's graph says no more than another's, so that the second is true whenever the
 * first is (a positive rewrite must be entailed by its caption). Each entity of the candidate maps to
 * a different entity of the original such that:
 * <ul>
 *   <li>a singular candidate ("a dog") maps to any entity whose noun its noun denotes ("a dog" from
 *       "two dogs", "an animal" from "a dog") and that has all its attributes;</li>
 *   <li>a plural candidate ("two dogs", "dogs") maps only to an entity with the same count, an equal
 *       noun and the same attributes: dropping "black" from "two black dogs" can make it false;</li>
 *   <li>every candidate relation is stated by the original between the mapped entities (or its
 *       inverse, or the symmetric one).</li>
 * </ul>
 * Thread-safe.
 */
public final class Entailment {

    private final Lexicon lexicon;

    public Entailment(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Whether {@code candidate} is true whenever {@code original} is. */
    public boolean entails(SceneGraph original, SceneGraph candidate) {
        int n = candidate.objects().size();
        int m = original.objects().size();
        List<List<String>> ca = attributes(candidate);
        List<List<String>> oa = attributes(original);
        boolean[][] ok = new boolean[n][m];
        for (int e = 0; e < n; e++) {
            SceneGraph.Entity c = candidate.objects().get(e);
            boolean any = false;
            for (int i = 0; i < m; i++) {
                SceneGraph.Entity o = original.objects().get(i);
                boolean fits;
                if (c.count() == 1) {
                    fits = lexicon.denotes(c.name(), o.name()) && contains(oa.get(i), ca.get(e));
                } else {
                    fits = c.count() == o.count() && lexicon.sameNoun(c.name(), o.name()) && contains(oa.get(i), ca.get(e))
                            && contains(ca.get(e), oa.get(i));
                }
                ok[e][i] = fits;
                any |= fits;
            }
            if (!any) {
                return false;
            }
        }
        return assign(0, candidate, original, ok, new int[n], new boolean[m]);
    }

    /** Whether the two graphs say the same: each entails the other. */
    public boolean equivalent(SceneGraph a, SceneGraph b) {
        return entails(a, b) && entails(b, a);
    }

    private static List<List<String>> attributes(SceneGraph g) {
        List<List<String>> out = new ArrayList<>(g.objects().size());
        for (int e = 0; e < g.objects().size(); e++) {
            out.add(new ArrayList<>(2));
        }
        for (SceneGraph.Attribute a : g.attributes()) {
            out.get(a.object()).add(a.value());
        }
        return out;
    }

    private boolean contains(List<String> have, List<String> want) {
        for (String w : want) {
            boolean found = false;
            for (String h : have) {
                if (lexicon.sameAdjective(w, h)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean assign(int e, SceneGraph candidate, SceneGraph original, boolean[][] ok, int[] map, boolean[] used) {
        if (e == map.length) {
            for (SceneGraph.Relation r : candidate.relations()) {
                if (!stated(original, map[r.subject()], r.predicate(), map[r.object()])) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < used.length; i++) {
            if (ok[e][i] && !used[i]) {
                used[i] = true;
                map[e] = i;
                if (assign(e + 1, candidate, original, ok, map, used)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    private boolean stated(SceneGraph g, int s, String p, int o) {
        String inverse = lexicon.inverse(p);
        for (SceneGraph.Relation r : g.relations()) {
            if (r.subject() == s && r.object() == o && r.predicate().equals(p)) {
                return true;
            }
            if (inverse != null && r.subject() == o && r.object() == s && r.predicate().equals(inverse)) {
                return true;
            }
        }
        return false;
    }
}
