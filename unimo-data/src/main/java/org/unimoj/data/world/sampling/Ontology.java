package org.unimoj.data.world.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.data.scene.Vocabulary;

/**
 * The world's common sense: for each class its usual size, its possible colours, materials and
 * patterns, how it is placed in a scene; the settings and what occurs in them; and which classes
 * may take part in each stated (non-spatial) relation.
 */
public final class Ontology {

    /** How an object of a class stands in a scene. */
    public enum Placement { GROUND, SUPPORT, SMALL, WORN, SKY }

    /**
     * @param width      usual width as a fraction of the image height
     * @param height     usual height as a fraction of the image height
     * @param colours    possible colours (empty: the class has no colour attribute)
     * @param materials  possible materials
     * @param materialP  probability that an object shows a material
     * @param patterns   possible patterns
     * @param patternP   probability that an object shows a pattern
     * @param sizes      possible size values (empty: no size attribute)
     */
    public record ClassSpec(String name, double width, double height, List<String> colours, List<String> materials, double materialP,
                            List<String> patterns, double patternP, List<String> sizes, Placement placement) {}

    /** A setting: the ground objects and the small objects that occur there, and its context regions. */
    public record Setting(String name, List<String> anchors, List<String> smalls, List<String> context) {}

    static final List<String> ALL_SIZES = List.of("tiny", "small", "large", "huge");
    static final List<String> PERSON_SIZES = List.of("small", "large");

    /** The one instance (declared after the constants its constructor reads). */
    public static final Ontology WORLD = new Ontology();

    private final Map<String, ClassSpec> specs = new LinkedHashMap<>();
    private final List<Setting> settings = new ArrayList<>();
    private final Map<String, List<List<String>>> relationRoles = new LinkedHashMap<>();

    private Ontology() {
        List<String> none = List.of();
        for (String p : List.of("man", "woman", "boy", "girl")) {
            double[] wh = p.equals("man") ? new double[] {0.22, 0.6} : p.equals("woman") ? new double[] {0.2, 0.56}
                    : p.equals("boy") ? new double[] {0.16, 0.42} : new double[] {0.15, 0.4};
            spec(p, wh[0], wh[1], none, none, 0, none, 0, PERSON_SIZES, Placement.GROUND);
        }
        animal("dog", 0.3, 0.22, List.of("brown", "black", "white", "gray"), List.of("spotted"), 0.2);
        animal("cat", 0.2, 0.16, List.of("black", "white", "gray", "orange", "brown"), List.of("striped", "spotted"), 0.3);
        animal("horse", 0.5, 0.45, List.of("brown", "black", "white"), none, 0);
        animal("cow", 0.5, 0.38, List.of("black", "white", "brown"), List.of("spotted"), 0.6);
        animal("elephant", 0.7, 0.55, List.of("gray"), none, 0);
        animal("giraffe", 0.35, 0.75, List.of("yellow", "brown"), List.of("spotted"), 1.0);
        animal("zebra", 0.45, 0.38, none, List.of("striped"), 1.0);
        animal("bird", 0.08, 0.07, List.of("blue", "red", "yellow", "black", "white", "brown"), none, 0);
        animal("bear", 0.45, 0.38, List.of("brown", "black", "white"), none, 0);
        animal("duck", 0.1, 0.08, List.of("white", "yellow", "brown"), none, 0);
        ground("car", 0.6, 0.3, List.of("red", "blue", "white", "black", "gray", "yellow", "green"));
        ground("bus", 0.9, 0.5, List.of("red", "yellow", "blue", "white", "green"));
        ground("truck", 0.8, 0.45, List.of("red", "white", "blue", "black", "gray", "green"));
        ground("bicycle", 0.4, 0.25, List.of("red", "blue", "black", "green", "yellow", "white"));
        ground("motorcycle", 0.45, 0.3, List.of("black", "red", "blue", "white"));
        ground("boat", 0.7, 0.3, List.of("white", "red", "blue", "yellow"));
        ground("train", 1.0, 0.45, List.of("red", "blue", "yellow", "green", "gray"));
        ground("airplane", 0.8, 0.25, List.of("white", "gray", "blue", "red"));
        furniture("chair", 0.2, 0.3, List.of("brown", "black", "white", "red", "blue"), List.of("wooden", "metal", "plastic"), 0.8, none, 0);
        furniture("table", 0.5, 0.25, List.of("brown", "white", "black"), List.of("wooden", "metal", "glass", "plastic"), 0.9, none, 0);
        furniture("bench", 0.5, 0.2, List.of("brown", "green", "gray", "black"), List.of("wooden", "metal"), 0.9, none, 0);
        furniture("couch", 0.7, 0.3, List.of("red", "brown", "gray", "blue", "green", "black", "white"), List.of("leather"), 0.4,
                List.of("striped", "checkered"), 0.2);
        furniture("bed", 0.8, 0.3, List.of("white", "blue", "pink", "gray"), List.of("wooden", "metal"), 0.5, List.of("striped", "checkered"), 0.2);
        furniture("desk", 0.5, 0.28, List.of("brown", "white", "black"), List.of("wooden", "metal", "glass"), 0.9, none, 0);
        spec("shelf", 0.3, 0.5, List.of("brown", "white", "black"), List.of("wooden", "metal", "glass"), 0.9, none, 0, ALL_SIZES, Placement.GROUND);
        spec("lamp", 0.12, 0.4, List.of("white", "black", "yellow", "red"), List.of("metal", "glass", "ceramic", "plastic"), 0.7, none, 0,
                ALL_SIZES, Placement.GROUND);
        small("cup", 0.05, 0.06, List.of("white", "red", "blue", "yellow", "green", "black"), List.of("ceramic", "glass", "plastic", "metal"), 0.8, none, 0);
        small("bottle", 0.04, 0.12, List.of("green", "brown", "blue", "white"), List.of("glass", "plastic", "metal"), 0.8, none, 0);
        small("bowl", 0.1, 0.05, List.of("white", "blue", "red", "green"), List.of("ceramic", "glass", "plastic", "wooden", "metal"), 0.8, none, 0);
        small("plate", 0.14, 0.03, List.of("white", "blue"), List.of("ceramic", "glass", "plastic"), 0.8, none, 0);
        small("vase", 0.07, 0.14, List.of("blue", "white", "red", "green", "yellow", "purple"), List.of("glass", "ceramic"), 0.9, none, 0);
        small("apple", 0.05, 0.05, List.of("red", "green", "yellow"), none, 0, none, 0);
        small("banana", 0.1, 0.04, List.of("yellow", "green", "brown"), none, 0, none, 0);
        small("pizza", 0.2, 0.04, none, none, 0, none, 0);
        small("cake", 0.15, 0.1, List.of("white", "pink", "brown", "yellow"), none, 0, none, 0);
        small("sandwich", 0.1, 0.06, none, none, 0, none, 0);
        small("donut", 0.07, 0.04, List.of("pink", "brown", "white"), none, 0, none, 0);
        small("carrot", 0.08, 0.03, List.of("orange"), none, 0, none, 0);
        small("ball", 0.08, 0.08, List.of("red", "blue", "yellow", "white", "green", "orange"), List.of("plastic", "leather"), 0.6,
                List.of("striped", "spotted"), 0.2);
        small("kite", 0.15, 0.15, List.of("red", "blue", "yellow", "green", "purple", "pink", "orange"), List.of("plastic"), 0.4,
                List.of("striped", "spotted"), 0.3);
        small("frisbee", 0.1, 0.03, List.of("red", "blue", "yellow", "white", "green", "orange", "pink"), List.of("plastic"), 1.0, none, 0);
        small("umbrella", 0.3, 0.25, List.of("red", "blue", "black", "yellow", "purple", "pink", "green"), none, 0,
                List.of("striped", "spotted", "checkered"), 0.25);
        small("bag", 0.12, 0.12, List.of("black", "brown", "red", "blue", "pink"), List.of("leather", "plastic"), 0.6,
                List.of("striped", "checkered", "spotted"), 0.2);
        small("book", 0.08, 0.1, List.of("red", "blue", "green", "yellow", "black"), none, 0, none, 0);
        small("phone", 0.03, 0.06, List.of("black", "white", "pink"), List.of("plastic", "metal"), 0.5, none, 0);
        small("laptop", 0.18, 0.12, List.of("gray", "black", "white"), List.of("metal", "plastic"), 0.6, none, 0);
        small("surfboard", 0.5, 0.1, List.of("white", "blue", "yellow", "red"), List.of("wooden", "plastic"), 0.6, none, 0);
        small("skateboard", 0.25, 0.05, List.of("black", "red", "blue", "green"), List.of("wooden", "plastic"), 0.7, none, 0);
        worn("hat", List.of("red", "blue", "black", "white", "brown", "yellow", "green", "pink"), List.of("leather"), 0.2, List.of("striped"), 0.1);
        worn("shirt", List.of("red", "blue", "white", "black", "yellow", "green", "pink", "purple", "gray", "orange"), none, 0,
                List.of("striped", "checkered", "spotted"), 0.35);
        worn("jacket", List.of("black", "blue", "brown", "red", "gray", "green"), List.of("leather"), 0.3, none, 0);
        worn("scarf", List.of("red", "blue", "purple", "pink", "white", "green"), none, 0, List.of("striped", "checkered"), 0.4);
        for (Vocabulary.ObjectClass c : Vocabulary.WORLD.classes()) {
            if (!specs.containsKey(c.name())) {
                throw new IllegalStateException("no ontology entry for class " + c.name());
            }
        }

        List<String> people = List.of("man", "woman", "boy", "girl");
        setting("street", cat(people, List.of("dog", "car", "bus", "truck", "bicycle", "motorcycle", "bench")),
                List.of("umbrella", "bag", "phone", "hat", "jacket", "shirt", "scarf", "skateboard", "cup", "bottle", "bird"), List.of("road", "sky", "wall"));
        setting("park", cat(people, List.of("dog", "bench", "bicycle", "horse")),
                List.of("ball", "frisbee", "kite", "umbrella", "bag", "book", "hat", "shirt", "jacket", "apple", "sandwich", "bird", "duck", "skateboard", "bottle"),
                List.of("grass", "sky", "tree"));
        setting("kitchen", cat(people, List.of("cat", "dog", "table", "chair")),
                List.of("cup", "bottle", "bowl", "plate", "vase", "pizza", "cake", "sandwich", "apple", "banana", "donut", "carrot", "laptop", "phone", "book", "shirt"),
                List.of("wall", "floor"));
        setting("living room", cat(people, List.of("cat", "dog", "couch", "chair", "table", "bed", "desk", "shelf", "lamp")),
                List.of("book", "laptop", "phone", "vase", "cup", "ball", "bag", "shirt", "hat", "scarf", "bottle", "bowl"), List.of("wall", "floor"));
        setting("beach", cat(people, List.of("dog", "boat")),
                List.of("surfboard", "umbrella", "ball", "frisbee", "kite", "bag", "hat", "bottle", "bird", "shirt", "sandwich"), List.of("sand", "water", "sky"));
        setting("farm", cat(people, List.of("horse", "cow", "dog", "cat", "truck")),
                List.of("bird", "duck", "apple", "carrot", "hat", "bag", "shirt", "jacket", "ball"), List.of("grass", "sky", "tree"));
        setting("zoo", cat(people, List.of("elephant", "giraffe", "zebra", "bear", "truck", "car")),
                List.of("bird", "hat", "bag", "phone", "apple", "banana", "carrot", "umbrella"), List.of("grass", "tree", "sky"));
        setting("station", cat(people, List.of("train", "airplane", "bus", "bench", "car")),
                List.of("bag", "phone", "hat", "jacket", "book", "cup", "bottle", "umbrella", "laptop"), List.of("road", "sky", "wall"));

        List<String> food = Vocabulary.WORLD.supercategories().get("food");
        role("holding", people, List.of("cup", "bottle", "bowl", "plate", "umbrella", "bag", "frisbee", "ball", "book", "phone", "laptop",
                "apple", "banana", "sandwich", "donut", "carrot", "pizza", "cake", "surfboard", "skateboard"));
        role("riding", people, List.of("horse", "elephant", "bicycle", "motorcycle", "skateboard", "surfboard"));
        role("wearing", people, List.of("hat", "shirt", "jacket", "scarf"));
        role("sitting on", cat(people, List.of("dog", "cat", "bird")), List.of("chair", "bench", "couch", "bed"));
        role("eating", cat(people, List.of("dog", "cat", "horse", "cow", "elephant", "giraffe", "bear", "bird", "duck")), food);
        role("playing with", cat(List.of("boy", "girl", "man", "woman"), List.of("dog", "cat")), List.of("ball", "frisbee", "kite"));
        role("chasing", List.of("dog", "cat", "boy", "girl"), List.of("cat", "bird", "duck", "ball", "frisbee"));
        role("walking", people, List.of("dog", "horse"));
        role("looking at", cat(people, List.of("dog", "cat")), null);
        // Non-visual predicates: who may plausibly wait for what, whose things belong to whom.
        role("waiting for", people, List.of("bus", "train", "car", "man", "woman", "boy", "girl", "dog"));
        role("belongs to", List.of("dog", "cat", "horse", "bag", "phone", "book", "laptop", "bicycle", "car", "umbrella", "hat", "cup"), people);
    }

    private static List<String> cat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private void spec(String name, double w, double h, List<String> colours, List<String> materials, double materialP, List<String> patterns,
                      double patternP, List<String> sizes, Placement placement) {
        specs.put(name, new ClassSpec(name, w, h, colours, materials, materialP, patterns, patternP, sizes, placement));
    }

    private void animal(String name, double w, double h, List<String> colours, List<String> patterns, double patternP) {
        spec(name, w, h, colours, List.of(), 0, patterns, patternP, name.equals("bird") || name.equals("duck") ? List.of("tiny", "small", "large") : ALL_SIZES,
                Placement.GROUND);
    }

    private void ground(String name, double w, double h, List<String> colours) {
        spec(name, w, h, colours, List.of(), 0, List.of(), 0, ALL_SIZES, Placement.GROUND);
    }

    private void furniture(String name, double w, double h, List<String> colours, List<String> materials, double materialP, List<String> patterns,
                           double patternP) {
        spec(name, w, h, colours, materials, materialP, patterns, patternP, ALL_SIZES, Placement.SUPPORT);
    }

    private void small(String name, double w, double h, List<String> colours, List<String> materials, double materialP, List<String> patterns,
                       double patternP) {
        spec(name, w, h, colours, materials, materialP, patterns, patternP, ALL_SIZES, Placement.SMALL);
    }

    private void worn(String name, List<String> colours, List<String> materials, double materialP, List<String> patterns, double patternP) {
        spec(name, 0.1, 0.1, colours, materials, materialP, patterns, patternP, List.of(), Placement.WORN);
    }

    private void setting(String name, List<String> anchors, List<String> smalls, List<String> context) {
        settings.add(new Setting(name, anchors, smalls, context));
    }

    private void role(String predicate, List<String> subjects, List<String> objects) {
        relationRoles.put(predicate, List.of(List.copyOf(subjects), objects == null ? List.of() : List.copyOf(objects)));
    }

    public ClassSpec spec(String className) {
        ClassSpec s = specs.get(className);
        if (s == null) {
            throw new IllegalArgumentException("unknown class " + className);
        }
        return s;
    }

    public List<Setting> settings() {
        return List.copyOf(settings);
    }

    /** Whether {@code subject predicate object} is plausible for a stated predicate (spatial ones: always). */
    public boolean plausible(String predicate, String subjectClass, String objectClass) {
        List<List<String>> roles = relationRoles.get(predicate);
        if (roles == null) {
            return true;
        }
        return roles.get(0).contains(subjectClass) && (roles.get(1).isEmpty() || roles.get(1).contains(objectClass)) && !subjectClass.equals(objectClass);
    }

    /** The classes that may be subjects of a stated predicate, in a fixed order. */
    public List<String> subjects(String predicate) {
        return relationRoles.get(predicate).get(0);
    }

    /** The classes that may be objects of a stated predicate (empty: any), in a fixed order. */
    public List<String> objects(String predicate) {
        return relationRoles.get(predicate).get(1);
    }

    /** The stated predicates with role constraints, visual and not. */
    public List<String> statedPredicates() {
        return List.copyOf(relationRoles.keySet());
    }
}
