package org.unimoj.data.scene;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The full ground truth of one image: every object with its class, attributes and box, every
 * relation (the spatial ones are exactly those {@link BoxGeometry} derives from the boxes; the
 * others, such as "riding", are stated), the regions of its feature record and which objects the
 * detector missed.
 *
 * @param imageId   the id the feature and caption files use
 * @param split     "train", "val", "test", or "image_only" for the image-only collection
 * @param fileName  the image's (notional) file name
 * @param setting   the kind of place ("park", "kitchen", ...)
 * @param regions   region {@code i} of the feature record is {@code regions.get(i)}
 * @param missed    ids of objects without a region (detector misses)
 */
public record ImageScene(String imageId, String split, String fileName, int width, int height, String setting,
                         List<SceneObject> objects, List<SceneRelation> relations, List<RegionTruth> regions, List<Integer> missed) {

    public ImageScene {
        Objects.requireNonNull(imageId, "imageId");
        objects = List.copyOf(objects);
        relations = List.copyOf(relations);
        regions = List.copyOf(regions);
        missed = List.copyOf(missed);
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).id() != i) {
                throw new IllegalArgumentException("image " + imageId + ": object " + i + " has id " + objects.get(i).id());
            }
        }
        for (SceneRelation r : relations) {
            if (r.subject() < 0 || r.subject() >= objects.size() || r.object() < 0 || r.object() >= objects.size()) {
                throw new IllegalArgumentException("image " + imageId + ": relation " + r + " refers to a missing object");
            }
        }
    }

    /** The relations as a set (built on each call; keep it for many lookups). */
    public Set<SceneRelation> relationSet() {
        return new HashSet<>(relations);
    }
}
