package org.unimoj.data.scene;

import java.util.Objects;

/** A relation of an image's scene graph, between object ids; the predicate is canonical ("on top of", "riding"). */
public record SceneRelation(int subject, String predicate, int object) {
    public SceneRelation {
        Objects.requireNonNull(predicate, "predicate");
        if (subject == object) {
            throw new IllegalArgumentException("relation '" + predicate + "' of object " + subject + " with itself");
        }
    }
}
