package org.unimoj.data.scene;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object of an image: its class, its attribute values by family (colour, size, material,
 * pattern; a family the object does not show is absent) and its box.
 */
public record SceneObject(int id, String className, Map<String, String> attributes, Box box) {
    public SceneObject {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(box, "box");
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The value of {@code family}, or null. */
    public String attribute(String family) {
        return attributes.get(family);
    }
}
