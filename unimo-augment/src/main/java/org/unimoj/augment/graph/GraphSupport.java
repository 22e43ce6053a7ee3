package org.unimoj.augment.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.lexicon.Lexicon;

/**
 * Whether what a caption's graph claims is backed by an image's graph (a ground truth, or the union of
 * the image's captions). The semantics follow the world's truth conditions (WORLD.md), generalised to
 * image entities that stand for several objects:
 * <ul>
 *   <li>a claimed entity matches an image entity when its noun {@linkplain Lexicon#denotes denotes}
 *       the image entity's noun and the image entity has every one of its attributes (same value);</li>
 *   <li>a singular claim (count 1) takes one image entity; a plural one takes every matching image
 *       entity, whose objects must number its count exactly (at least two for an unstated plural;
 *       an image entity of count 0 stands for an unknown number of at least two);</li>
 *   <li>different claimed entities take different image entities;</li>
 *   <li>a relation holds when the image states it (or its inverse, or the symmetric one) between
 *       every pair of the two entities' image entities.</li>
 * </ul>
 * Attributes and predicates the lexicon calls non-visual cannot be backed by an image: a graph that
 * is otherwise backed is then {@link Support#UNDECIDABLE}. Thread-safe.
 */
public final class GraphSupport {

    /** The verdict. */
    public enum Support { SUPPORTED, UNSUPPORTED, UNDECIDABLE }

    private final Lexicon lexicon;

    public GraphSupport(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Support check(SceneGraph image, SceneGraph claim) {
        int n = claim.objects().size();
        int m = image.objects().size();
        boolean undecidable = false;
        List<List<String>> claimAttrs = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            claimAttrs.add(new ArrayList<>(2));
        }
        for (SceneGraph.Attribute a : claim.attributes()) {
            if (!lexicon.visualAdjective(a.value())) {
                undecidable = true;
            } else {
                claimAttrs.get(a.object()).add(a.value());
            }
        }
        List<List<String>> imageAttrs = new ArrayList<>(m);
        for (int e = 0; e < m; e++) {
            imageAttrs.add(new ArrayList<>(2));
        }
        for (SceneGraph.Attribute a : image.attributes()) {
            imageAttrs.get(a.object()).add(a.value());
        }
        List<SceneGraph.Relation> relations = new ArrayList<>();
        for (SceneGraph.Relation r : claim.relations()) {
            if (!lexicon.visualPredicate(r.predicate())) {
                undecidable = true;
            } else if (r.subject() == r.object()) {
                return Support.UNSUPPORTED;
            } else {
                relations.add(r);
            }
        }
        BitSet[] candidates = new BitSet[n];
        for (int e = 0; e < n; e++) {
            SceneGraph.Entity ce = claim.objects().get(e);
            BitSet c = new BitSet(m);
            int total = 0;
            boolean unknownTotal = false;
            for (int i = 0; i < m; i++) {
                SceneGraph.Entity ie = image.objects().get(i);
                if (lexicon.denotes(ce.name(), ie.name()) && hasAll(imageAttrs.get(i), claimAttrs.get(e))) {
                    c.set(i);
                    if (ie.count() == 0) {
                        unknownTotal = true;
                        total += 2;
                    } else {
                        total += ie.count();
                    }
                }
            }
            int count = ce.count();
            if (count == 1 && c.isEmpty() || count == 0 && total < 2 || count >= 2 && (unknownTotal ? total > count : total != count)) {
                return Support.UNSUPPORTED;
            }
            candidates[e] = c;
        }
        boolean[][][] holds = relationTable(image, relations);
        if (!assign(0, claim, candidates, relations, holds, new BitSet[n], new BitSet())) {
            return Support.UNSUPPORTED;
        }
        return undecidable ? Support.UNDECIDABLE : Support.SUPPORTED;
    }

    private boolean hasAll(List<String> have, List<String> want) {
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

    /** For claim relation k: holds[k][a][b] when the image states it from image entity a to b. */
    private boolean[][][] relationTable(SceneGraph image, List<SceneGraph.Relation> relations) {
        int m = image.objects().size();
        boolean[][][] out = new boolean[relations.size()][][];
        for (int k = 0; k < relations.size(); k++) {
            String p = relations.get(k).predicate();
            String inverse = lexicon.inverse(p);
            boolean[][] h = new boolean[m][m];
            for (SceneGraph.Relation r : image.relations()) {
                if (r.predicate().equals(p)) {
                    h[r.subject()][r.object()] = true;
                }
                if (inverse != null && r.predicate().equals(inverse)) {
                    h[r.object()][r.subject()] = true;
                }
            }
            out[k] = h;
        }
        return out;
    }

    private static boolean assign(int e, SceneGraph claim, BitSet[] candidates, List<SceneGraph.Relation> relations, boolean[][][] holds,
                                  BitSet[] chosen, BitSet used) {
        if (e == chosen.length) {
            return true;
        }
        BitSet c = candidates[e];
        if (claim.objects().get(e).count() != 1) {
            if (c.intersects(used)) {
                return false;
            }
            chosen[e] = c;
            if (!consistent(e, relations, holds, chosen)) {
                chosen[e] = null;
                return false;
            }
            BitSet u = (BitSet) used.clone();
            u.or(c);
            boolean ok = assign(e + 1, claim, candidates, relations, holds, chosen, u);
            if (!ok) {
                chosen[e] = null;
            }
            return ok;
        }
        for (int o = c.nextSetBit(0); o >= 0; o = c.nextSetBit(o + 1)) {
            if (used.get(o)) {
                continue;
            }
            BitSet one = new BitSet();
            one.set(o);
            chosen[e] = one;
            if (consistent(e, relations, holds, chosen)) {
                used.set(o);
                boolean ok = assign(e + 1, claim, candidates, relations, holds, chosen, used);
                used.clear(o);
                if (ok) {
                    return true;
                }
            }
        }
        chosen[e] = null;
        return false;
    }

    /** The relations whose both entities are chosen once entity {@code e} is. */
    private static boolean consistent(int e, List<SceneGraph.Relation> relations, boolean[][][] holds, BitSet[] chosen) {
        for (int k = 0; k < relations.size(); k++) {
            SceneGraph.Relation r = relations.get(k);
            if (r.subject() != e && r.object() != e || r.subject() > e || r.object() > e) {
                continue;
            }
            BitSet s = chosen[r.subject()];
            BitSet t = chosen[r.object()];
            for (int a = s.nextSetBit(0); a >= 0; a = s.nextSetBit(a + 1)) {
                for (int b = t.nextSetBit(0); b >= 0; b = t.nextSetBit(b + 1)) {
                    if (a == b || !holds[k][a][b]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
