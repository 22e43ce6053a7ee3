package org.unimoj.data.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the embedded world and what they denote: object classes (with super-categories,
 * plurals and synonyms), hypernyms ("person", "animal"...), attribute adjectives by family,
 * relation predicates with every wording the captions use, the context ("stuff") classes of the
 * detector, and the fixed phrases of the caption grammar. Everything a parser needs to map a
 * caption's words to the world. Immutable; {@link #WORLD} is the one instance.
 */
public final class Vocabulary {

    /** An object class. */
    public record ObjectClass(String name, String plural, String supercategory) {}

    /**
     * A noun as it may appear in a caption.
     *
     * @param lemma    the singular ("sofa", "person")
     * @param plural   the plural ("sofas", "people")
     * @param classes  the classes it denotes (one for a class name or synonym, several for a hypernym)
     * @param kind     "class", "synonym" or "hypernym"
     */
    public record Noun(String lemma, String plural, Set<String> classes, String kind) {}

    /** An adjective: its word, its family, and the canonical value it states ("big" -> size "large"). */
    public record Adjective(String word, String family, String value, boolean visual) {}

    /**
     * One way to word a predicate. Each list is the words in order, empty when the wording has no
     * such form.
     *
     * @param participle words after "is/are", in reduced modifiers ("a man riding ...") and relative
     *                   clauses ("who is riding ..."): "riding", "next to", "on top of"
     * @param progressive whether "is/are" + participle is grammatical ("is belonging to" is not)
     * @param present3   finite present, singular subject: "rides", "sits on"
     * @param presentPl  finite present, plural subject: "ride", "sit on"
     * @param passive    passive participle with its "by": "ridden by" (subject and object swap)
     */
    public record Wording(List<String> participle, boolean progressive, List<String> present3, List<String> presentPl, List<String> passive) {
        public Wording {
            participle = List.copyOf(participle);
            present3 = List.copyOf(present3);
            presentPl = List.copyOf(presentPl);
            passive = List.copyOf(passive);
        }
    }

    /**
     * A relation predicate: canonical name, whether it is spatial (decided by the boxes, see
     * {@link BoxGeometry}) and whether it is visual at all (a non-visual predicate such as
     * "belongs to" cannot be decided from an image), and its wordings (the first is the canonical one).
     */
    public record Predicate(String name, boolean spatial, boolean visual, List<Wording> wordings) {
        public Predicate {
            wordings = List.copyOf(wordings);
        }
    }

    public static final Vocabulary WORLD = new Vocabulary();

    /** Grammar words that never denote anything: prefixes, determiners, auxiliaries, connectives. */
    public static final List<String> PREFIXES = List.of("a picture of", "a photo of", "an image of", "a view of");
    public static final Map<String, Integer> NUMBERS = numbers();
    public static final List<String> PLURAL_QUANTIFIERS = List.of("some", "several");

    private final List<ObjectClass> classes = new ArrayList<>();
    private final Map<String, ObjectClass> classByName = new LinkedHashMap<>();
    private final Map<String, List<String>> supercategories = new LinkedHashMap<>();
    private final Map<String, Noun> nounsBySurface = new LinkedHashMap<>();
    private final List<Noun> nouns = new ArrayList<>();
    private final Map<String, List<String>> families = new LinkedHashMap<>();
    private final Map<String, Adjective> adjectives = new LinkedHashMap<>();
    private final Map<String, Predicate> predicates = new LinkedHashMap<>();
    private final List<String> stuff = List.of("sky", "grass", "road", "wall", "floor", "water", "sand", "tree");

    private Vocabulary() {
        cls("person", "man", "men", "woman", "women", "boy", "boys", "girl", "girls");
        cls("animal", "dog", "dogs", "cat", "cats", "horse", "horses", "cow", "cows", "elephant", "elephants", "giraffe", "giraffes",
                "zebra", "zebras", "bird", "birds", "bear", "bears", "duck", "ducks");
        cls("vehicle", "car", "cars", "bus", "buses", "truck", "trucks", "bicycle", "bicycles", "motorcycle", "motorcycles",
                "boat", "boats", "train", "trains", "airplane", "airplanes");
        cls("furniture", "chair", "chairs", "table", "tables", "bench", "benches", "couch", "couches", "bed", "beds", "desk", "desks",
                "shelf", "shelves", "lamp", "lamps");
        cls("tableware", "cup", "cups", "bottle", "bottles", "bowl", "bowls", "plate", "plates", "vase", "vases");
        cls("food", "apple", "apples", "banana", "bananas", "pizza", "pizzas", "cake", "cakes", "sandwich", "sandwiches",
                "donut", "donuts", "carrot", "carrots");
        cls("accessory", "ball", "balls", "kite", "kites", "frisbee", "frisbees", "umbrella", "umbrellas", "bag", "bags",
                "book", "books", "phone", "phones", "laptop", "laptops", "surfboard", "surfboards", "skateboard", "skateboards");
        cls("clothing", "hat", "hats", "shirt", "shirts", "jacket", "jackets", "scarf", "scarves");
        for (ObjectClass c : classes) {
            addNoun(new Noun(c.name(), c.plural(), Set.of(c.name()), "class"));
        }
        synonym("man", "guy", "guys");
        synonym("woman", "lady", "ladies");
        synonym("couch", "sofa", "sofas");
        synonym("bicycle", "bike", "bikes");
        synonym("motorcycle", "motorbike", "motorbikes");
        synonym("airplane", "plane", "planes");
        synonym("cup", "mug", "mugs");
        synonym("jacket", "coat", "coats");
        synonym("hat", "cap", "caps");
        synonym("donut", "doughnut", "doughnuts");
        hypernym("person", "people", supercategories.get("person"));
        hypernym("child", "children", List.of("boy", "girl"));
        hypernym("animal", "animals", supercategories.get("animal"));
        hypernym("vehicle", "vehicles", supercategories.get("vehicle"));

        family("colour", "red", "blue", "green", "yellow", "black", "white", "brown", "gray", "pink", "purple", "orange");
        family("size", "tiny", "small", "large", "huge");
        family("material", "wooden", "metal", "plastic", "glass", "leather", "ceramic");
        family("pattern", "striped", "spotted", "checkered");
        adjective("grey", "colour", "gray", true);
        adjective("little", "size", "small", true);
        adjective("big", "size", "large", true);
        families.put("state", List.of("hungry", "tired", "expensive", "famous", "borrowed"));
        for (String v : families.get("state")) {
            adjective(v, "state", v, false);
        }

        List<String> none = List.of();
        for (String p : BoxGeometry.PREDICATES) {
            predicates.put(p, new Predicate(p, true, true, spatialWordings(p)));
        }
        verb("holding", true, w("holding", "holds", "hold", "held by"), w("carrying", "carries", "carry", "carried by"));
        verb("riding", true, w("riding", "rides", "ride", "ridden by"));
        verb("wearing", true, w("wearing", "wears", "wear", "worn by"));
        verb("sitting on", true, new Wording(List.of("sitting", "on"), true, List.of("sits", "on"), List.of("sit", "on"), none));
        verb("eating", true, w("eating", "eats", "eat", "eaten by"));
        verb("playing with", true, new Wording(List.of("playing", "with"), true, List.of("plays", "with"), List.of("play", "with"), none));
        verb("chasing", true, w("chasing", "chases", "chase", "chased by"));
        verb("walking", true, w("walking", "walks", "walk", "walked by"));
        verb("looking at", true, new Wording(List.of("looking", "at"), true, List.of("looks", "at"), List.of("look", "at"), List.of("looked", "at", "by")),
                w("watching", "watches", "watch", "watched by"));
        verb("waiting for", false, new Wording(List.of("waiting", "for"), true, List.of("waits", "for"), List.of("wait", "for"), none));
        verb("belongs to", false, new Wording(List.of("belonging", "to"), false, List.of("belongs", "to"), List.of("belong", "to"), none));
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("two", 2);
        m.put("three", 3);
        m.put("four", 4);
        m.put("five", 5);
        return Collections.unmodifiableMap(m);
    }

    private void cls(String supercategory, String... namePlural) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < namePlural.length; i += 2) {
            ObjectClass c = new ObjectClass(namePlural[i], namePlural[i + 1], supercategory);
            classes.add(c);
            classByName.put(c.name(), c);
            members.add(c.name());
        }
        supercategories.put(supercategory, List.copyOf(members));
    }

    private void addNoun(Noun n) {
        if (nounsBySurface.containsKey(n.lemma()) || nounsBySurface.containsKey(n.plural())) {
            throw new IllegalStateException("noun " + n.lemma() + " defined twice");
        }
        nouns.add(n);
        nounsBySurface.put(n.lemma(), n);
        nounsBySurface.put(n.plural(), n);
    }

    private void synonym(String cls, String lemma, String plural) {
        addNoun(new Noun(lemma, plural, Set.of(cls), "synonym"));
    }

    private void hypernym(String lemma, String plural, List<String> members) {
        addNoun(new Noun(lemma, plural, Collections.unmodifiableSet(new LinkedHashSet<>(members)), "hypernym"));
    }

    private void family(String family, String... values) {
        families.put(family, List.of(values));
        for (String v : values) {
            adjective(v, family, v, true);
        }
    }

    private void adjective(String word, String family, String value, boolean visual) {
        adjectives.put(word, new Adjective(word, family, value, visual));
    }

    private static Wording w(String participle, String present3, String presentPl, String passive) {
        return new Wording(List.of(participle), true, List.of(present3), List.of(presentPl), List.of(passive.split(" ")));
    }

    private static Wording prep(String words) {
        return new Wording(List.of(words.split(" ")), true, List.of(), List.of(), List.of());
    }

    private static List<Wording> spatialWordings(String p) {
        switch (p) {
            case BoxGeometry.LEFT_OF: return List.of(prep("to the left of"), prep("left of"));
            case BoxGeometry.RIGHT_OF: return List.of(prep("to the right of"), prep("right of"));
            case BoxGeometry.ABOVE: return List.of(prep("above"));
            case BoxGeometry.BELOW: return List.of(prep("below"));
            case BoxGeometry.ON_TOP_OF: return List.of(prep("on top of"), prep("on"), prep("atop"));
            case BoxGeometry.UNDER: return List.of(prep("under"), prep("beneath"), prep("underneath"));
            case BoxGeometry.NEXT_TO: return List.of(prep("next to"), prep("beside"));
            default: throw new IllegalArgumentException(p);
        }
    }

    private void verb(String name, boolean visual, Wording... wordings) {
        predicates.put(name, new Predicate(name, false, visual, List.of(wordings)));
    }

    public List<ObjectClass> classes() {
        return Collections.unmodifiableList(classes);
    }

    public ObjectClass objectClass(String name) {
        ObjectClass c = classByName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown class '" + name + "'");
        }
        return c;
    }

    public boolean isClass(String name) {
        return classByName.containsKey(name);
    }

    /** Super-category -> its classes, in a fixed order. */
    public Map<String, List<String>> supercategories() {
        return Collections.unmodifiableMap(supercategories);
    }

    public List<Noun> nouns() {
        return Collections.unmodifiableList(nouns);
    }

    /** The noun whose singular or plural is {@code word}, or null. */
    public Noun noun(String word) {
        return nounsBySurface.get(word);
    }

    /** Attribute families -> their canonical values ("state" is the non-visual family). */
    public Map<String, List<String>> families() {
        return Collections.unmodifiableMap(families);
    }

    public List<Adjective> adjectives() {
        return List.copyOf(adjectives.values());
    }

    /** The adjective {@code word}, or null. */
    public Adjective adjective(String word) {
        return adjectives.get(word);
    }

    /** The adjective words that state {@code family = value} (the canonical word first). */
    public List<String> adjectiveWords(String family, String value) {
        List<String> out = new ArrayList<>();
        for (Adjective a : adjectives.values()) {
            if (a.family().equals(family) && a.value().equals(value)) {
                if (a.word().equals(value)) {
                    out.add(0, a.word());
                } else {
                    out.add(a.word());
                }
            }
        }
        return out;
    }

    public List<Predicate> predicates() {
        return List.copyOf(predicates.values());
    }

    /** The predicate with canonical name {@code name}, or null. */
    public Predicate predicate(String name) {
        return predicates.get(name);
    }

    /** The context ("stuff") classes of the detector; never caption nouns. */
    public List<String> stuff() {
        return stuff;
    }

    /**
     * The detector's class list: "__background__" first, then every object class, then the
     * context classes. A feature record's class distribution is over this list.
     */
    public List<String> detectorClasses() {
        List<String> out = new ArrayList<>();
        out.add("__background__");
        for (ObjectClass c : classes) {
            out.add(c.name());
        }
        out.addAll(stuff);
        return Collections.unmodifiableList(out);
    }
}
