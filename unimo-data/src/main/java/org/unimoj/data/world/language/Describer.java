package org.unimoj.data.world.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.Vocabulary;

/**
 * Chooses how to name objects and groups of one scene: a class noun, a synonym or a hypernym,
 * some of the object's true attributes in varying order, "the" when the description picks out a
 * single object, numerals or "some" for groups (a group is always every object its description
 * fits, so counts are exact).
 */
public final class Describer {

    /** The canonical order of attribute families before a noun. */
    public static final List<String> FAMILY_ORDER = List.of("size", "pattern", "colour", "material");

    /** A group: every object of a class (or of a hypernym), at least two. */
    public record Group(Set<Integer> members, String lemma, String plural, Set<String> classes) {}

    /** A noun choice. */
    public record Noun(String lemma, String plural, Set<String> classes) {}

    private final ImageScene scene;
    private final SplittableRandom r;
    private final Vocabulary v = Vocabulary.WORLD;

    public Describer(ImageScene scene, SplittableRandom r) {
        this.scene = scene;
        this.r = r;
    }

    public ImageScene scene() {
        return scene;
    }

    /** The objects whose class is in {@code classes} and that have all of {@code attrs} (family -> value). */
    public Set<Integer> matches(Set<String> classes, Map<String, String> attrs) {
        Set<Integer> out = new TreeSet<>();
        for (SceneObject o : scene.objects()) {
            if (classes.contains(o.className()) && attrs.entrySet().stream().allMatch(e -> e.getValue().equals(o.attribute(e.getKey())))) {
                out.add(o.id());
            }
        }
        return out;
    }

    /** A noun for class {@code cls}: mostly the class name, sometimes a synonym or hypernym. */
    public Noun noun(String cls, boolean allowHypernym) {
        List<Vocabulary.Noun> options = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Vocabulary.Noun n : v.nouns()) {
            if (!n.classes().contains(cls)) {
                continue;
            }
            int weight = n.kind().equals("class") ? 14 : n.kind().equals("synonym") ? 4 : allowHypernym ? 2 : 0;
            if (weight > 0) {
                options.add(n);
                weights.add(weight);
            }
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < options.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                Vocabulary.Noun n = options.get(i);
                return new Noun(n.lemma(), n.plural(), n.classes());
            }
        }
        throw new IllegalStateException();
    }

    /** The class noun itself (no synonym, no hypernym). */
    public Noun classNoun(String cls) {
        Vocabulary.ObjectClass c = v.objectClass(cls);
        return new Noun(c.name(), c.plural(), Set.of(cls));
    }

    /** A word for {@code family = value}: the canonical adjective, sometimes a synonym ("big"). */
    public String adjective(String family, String value) {
        List<String> words = v.adjectiveWords(family, value);
        return words.size() > 1 && r.nextInt(3) == 0 ? words.get(1 + r.nextInt(words.size() - 1)) : words.get(0);
    }

    /** Up to {@code max} of the object's attributes (family -> value), chosen at random. */
    public Map<String, String> someAttributes(SceneObject o, int max) {
        List<String> families = new ArrayList<>(o.attributes().keySet());
        Collections.sort(families);
        int k = Math.min(max, families.size());
        int want = k == 0 ? 0 : r.nextInt(10) < 3 ? 0 : r.nextInt(10) < 7 ? 1 : Math.min(k, 2 + (r.nextInt(6) == 0 ? 1 : 0));
        want = Math.min(want, k);
        Map<String, String> chosen = new LinkedHashMap<>();
        while (chosen.size() < want) {
            String f = families.get(r.nextInt(families.size()));
            chosen.put(f, o.attribute(f));
        }
        return chosen;
    }

    /** Adjective words for chosen attributes, in canonical order most of the time, shuffled otherwise. */
    public List<String> adjectives(Map<String, String> attrs) {
        List<String> families = new ArrayList<>();
        for (String f : FAMILY_ORDER) {
            if (attrs.containsKey(f)) {
                families.add(f);
            }
        }
        if (families.size() > 1 && r.nextInt(5) < 2) {
            for (int i = families.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                String t = families.get(i);
                families.set(i, families.get(j));
                families.set(j, t);
            }
        }
        List<String> words = new ArrayList<>();
        for (String f : families) {
            words.add(adjective(f, attrs.get(f)));
        }
        return words;
    }

    /** A singular mention of object {@code id} with up to {@code maxAdjectives} true adjectives. */
    public Mention describe(int id, int maxAdjectives, boolean allowHypernym) {
        SceneObject o = scene.objects().get(id);
        Noun noun = noun(o.className(), allowHypernym);
        Map<String, String> attrs = someAttributes(o, maxAdjectives);
        return singular(id, noun, attrs);
    }

    /** A singular mention with a given noun and attributes; "the" sometimes when they single the object out. */
    public Mention singular(int id, Noun noun, Map<String, String> attrs) {
        boolean unique = matches(noun.classes(), attrs).size() == 1;
        String det = unique && r.nextInt(10) < 3 ? "the" : "a";
        return new Mention(new NounPhrase(det, adjectives(attrs), noun.lemma(), noun.lemma(), 1), Set.of(id));
    }

    /** A plain singular mention: the class noun, canonical adjectives in canonical order, "the" when unique. */
    public Mention plain(int id, int maxAdjectives) {
        SceneObject o = scene.objects().get(id);
        Map<String, String> attrs = someAttributes(o, maxAdjectives);
        List<String> words = new ArrayList<>();
        for (String f : FAMILY_ORDER) {
            if (attrs.containsKey(f)) {
                words.add(attrs.get(f));
            }
        }
        boolean unique = matches(Set.of(o.className()), attrs).size() == 1;
        String det = unique && r.nextInt(10) < 3 ? "the" : "a";
        return new Mention(new NounPhrase(det, words, o.className(), o.className(), 1), Set.of(id));
    }

    /** Groups of at least two objects: per class, and per hypernym. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Vocabulary.Noun n : v.nouns()) {
            if (n.kind().equals("synonym")) {
                continue;
            }
            Set<Integer> members = matches(n.classes(), Map.of());
            boolean allOneClass = n.kind().equals("hypernym") && members.stream().map(i -> scene.objects().get(i).className()).distinct().count() == 1;
            if (members.size() >= 2 && !allOneClass) {
                out.add(new Group(members, n.lemma(), n.plural(), n.classes()));
            }
        }
        return out;
    }

    /** A plural mention of a whole group: a numeral (exact) or some/several/bare (at least two), maybe a shared adjective. */
    public Mention group(Group g, boolean allowAdjective) {
        Map<String, String> shared = new LinkedHashMap<>();
        if (allowAdjective && r.nextBoolean()) {
            Map<String, String> first = scene.objects().get(g.members().iterator().next()).attributes();
            for (Map.Entry<String, String> e : first.entrySet()) {
                boolean all = g.members().stream().allMatch(i -> e.getValue().equals(scene.objects().get(i).attribute(e.getKey())));
                if (all) {
                    shared.put(e.getKey(), e.getValue());
                    break;
                }
            }
        }
        int n = g.members().size();
        String det;
        int count;
        if (n <= 5 && r.nextInt(4) != 0) {
            det = numberWord(n);
            count = n;
        } else {
            det = List.of("some", "several", "").get(r.nextInt(3));
            count = 0;
        }
        String noun = g.plural();
        return new Mention(new NounPhrase(det, adjectives(shared), noun, g.lemma(), count), new LinkedHashSet<>(g.members()));
    }

    public static String numberWord(int n) {
        for (Map.Entry<String, Integer> e : Vocabulary.NUMBERS.entrySet()) {
            if (e.getValue() == n) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no number word for " + n);
    }

    public SplittableRandom random() {
        return r;
    }
}
