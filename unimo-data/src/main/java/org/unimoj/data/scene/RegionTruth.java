package org.unimoj.data.scene;

import java.util.Objects;

/**
 * What region {@code i} of an image's feature record really is: an object of the scene
 * ({@code object >= 0}), a context region (sky, grass, a wall: {@code kind = "context"}) or a
 * spurious detection ({@code kind = "spurious"}), and the class the simulated detector gave it
 * (the arg-max of its class distribution, which may be wrong).
 */
public record RegionTruth(int object, String kind, String detectedClass) {
    public static final String OBJECT = "object";
    public static final String CONTEXT = "context";
    public static final String SPURIOUS = "spurious";

    public RegionTruth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detectedClass, "detectedClass");
        if (kind.equals(OBJECT) != object >= 0) {
            throw new IllegalArgumentException("region of kind " + kind + " with object " + object);
        }
    }
}
