package org.unimoj.augment.parse;

import java.util.StringJoiner;
import org.unimoj.api.text.SceneGraph;

/** Scene graphs written for people: "man(1) [red] -riding-> horse(1)". */
public final class Graphs {

    private Graphs() {}

    /** Objects with their counts and attributes, then relations. */
    public static String describe(SceneGraph g) {
        StringJoiner out = new StringJoiner("; ");
        for (int e = 0; e < g.objects().size(); e++) {
            StringBuilder sb = new StringBuilder(g.objects().get(e).name()).append('(').append(g.objects().get(e).count()).append(')');
            StringJoiner attrs = new StringJoiner(",", " [", "]").setEmptyValue("");
            for (SceneGraph.Attribute a : g.attributes()) {
                if (a.object() == e) {
                    attrs.add(a.value());
                }
            }
            out.add(sb.append(attrs).toString());
        }
        for (SceneGraph.Relation r : g.relations()) {
            out.add(g.objects().get(r.subject()).name() + " -" + r.predicate() + "-> " + g.objects().get(r.object()).name());
        }
        return out.toString();
    }
}
