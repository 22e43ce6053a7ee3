package org.unimoj.api.rewrite;

import java.util.Objects;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraph;

/**
 * A caption to rewrite, with its parsed scene graph and the scene graph of its image (the union
 * over all of the image's captions, or a ground truth when the data has one), so a negative can be
 * checked against what the image shows.
 */
public record RewriteRequest(Caption caption, SceneGraph graph, SceneGraph imageGraph) {
    public RewriteRequest {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(imageGraph, "imageGraph");
    }
}
