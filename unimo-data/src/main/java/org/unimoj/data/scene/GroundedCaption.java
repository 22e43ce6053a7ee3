package org.unimoj.data.scene;

import java.util.Objects;
import org.unimoj.api.text.SceneGraph;

/**
 * A sentence about an image with its ground-truth scene graph over its tokens (the Karpathy
 * tokenisation of {@code raw}). Written for every caption and every SNLI-VE hypothesis of the
 * world.
 *
 * @param id           the caption's id (Karpathy {@code sentid}) or the hypothesis' {@code pairID}
 * @param imageId      the image
 * @param split        the split
 * @param raw          the sentence as written
 * @param graph        its scene graph; entity names are head-noun lemmas as written ("sofa"),
 *                     attribute values adjectives as written ("big"), predicates canonical ("riding")
 * @param construction the grammar construction that produced it (for analysis; see WORLD.md)
 */
public record GroundedCaption(String id, String imageId, String split, String raw, SceneGraph graph, String construction) {
    public GroundedCaption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(construction, "construction");
    }
}
