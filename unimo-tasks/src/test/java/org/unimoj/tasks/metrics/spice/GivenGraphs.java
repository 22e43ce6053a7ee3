package org.unimoj.tasks.metrics.spice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.SceneGraphParser;
import org.unimoj.api.text.Span;

/**
 * Test fixture, not a stub of the product: a {@link SceneGraphParser} that returns hand-built scene
 * graphs for given sentences, so the tests check SPICE's tuple matching and F-score independently of
 * any parser. The real caption parser comes from unimo-augment and is wired in by the launcher.
 */
final class GivenGraphs implements SceneGraphParser {

    private final Map<String, SceneGraph> graphs = new HashMap<>();

    /** Builds a graph: objects by name, attributes as "object=value", relations as "subject predicate object". */
    GivenGraphs give(String sentence, List<String> objects, List<String> attributes, List<String> relations) {
        List<SceneGraph.Entity> entities = new ArrayList<>();
        Span span = new Span(0, 1);
        for (String o : objects) {
            entities.add(new SceneGraph.Entity(o, 1, span));
        }
        List<SceneGraph.Attribute> attrs = new ArrayList<>();
        for (String a : attributes) {
            String[] kv = a.split("=");
            attrs.add(new SceneGraph.Attribute(objects.indexOf(kv[0]), kv[1], span));
        }
        List<SceneGraph.Relation> rels = new ArrayList<>();
        for (String r : relations) {
            String[] t = r.split(" ");
            rels.add(new SceneGraph.Relation(objects.indexOf(t[0]), t[1], objects.indexOf(t[2]), span));
        }
        graphs.put(sentence, new SceneGraph(List.of(sentence.split(" ")), entities, attrs, rels));
        return this;
    }

    @Override
    public SceneGraph parse(String sentence) {
        SceneGraph g = graphs.get(sentence);
        if (g == null) {
            throw new IllegalArgumentException("no graph given for '" + sentence + "'");
        }
        return g;
    }
}
