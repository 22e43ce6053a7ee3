package org.unimoj.augment.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.text.SceneGraph;

/**
 * Precision, recall and F1 of predicted scene-graph tuples against gold ones, per element, counted over
 * a corpus (micro average). A tuple must match exactly, spans included: objects (lemma, count, head
 * span), attributes (the object's head span, value, span), relations (subject's head span, predicate,
 * object's head span, span).
 */
final class GraphScore {

    static final class Counts {
        long tp;
        long predicted;
        long gold;

        double precision() {
            return predicted == 0 ? 1 : tp / (double) predicted;
        }

        double recall() {
            return gold == 0 ? 1 : tp / (double) gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format("P %.4f R %.4f F1 %.4f (%d gold, %d predicted)", precision(), recall(), f1(), gold, predicted);
        }
    }

    final Counts objects = new Counts();
    final Counts attributes = new Counts();
    final Counts relations = new Counts();

    /** Adds one sentence; returns whether it was parsed exactly. */
    boolean add(SceneGraph gold, SceneGraph predicted) {
        boolean a = count(objects, objectTuples(gold), objectTuples(predicted));
        boolean b = count(attributes, attributeTuples(gold), attributeTuples(predicted));
        boolean c = count(relations, relationTuples(gold), relationTuples(predicted));
        return a && b && c;
    }

    private static boolean count(Counts c, List<String> gold, List<String> pred) {
        Map<String, Integer> g = new HashMap<>();
        gold.forEach(x -> g.merge(x, 1, Integer::sum));
        long tp = 0;
        for (String p : pred) {
            Integer k = g.get(p);
            if (k != null && k > 0) {
                tp++;
                g.put(p, k - 1);
            }
        }
        c.tp += tp;
        c.gold += gold.size();
        c.predicted += pred.size();
        return tp == gold.size() && tp == pred.size();
    }

    static List<String> objectTuples(SceneGraph g) {
        List<String> out = new ArrayList<>();
        for (SceneGraph.Entity e : g.objects()) {
            out.add(e.name() + "/" + e.count() + "@" + e.span().start() + "-" + e.span().end());
        }
        return out;
    }

    static List<String> attributeTuples(SceneGraph g) {
        List<String> out = new ArrayList<>();
        for (SceneGraph.Attribute a : g.attributes()) {
            SceneGraph.Entity e = g.objects().get(a.object());
            out.add(e.span().start() + ":" + a.value() + "@" + a.span().start() + "-" + a.span().end());
        }
        return out;
    }

    static List<String> relationTuples(SceneGraph g) {
        List<String> out = new ArrayList<>();
        for (SceneGraph.Relation r : g.relations()) {
            out.add(g.objects().get(r.subject()).span().start() + " " + r.predicate() + " " + g.objects().get(r.object()).span().start()
                    + "@" + r.span().start() + "-" + r.span().end());
        }
        return out;
    }
}
