package org.unimoj.data.world.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.sampling.Ontology;

/**
 * Picks and words true statements about a scene: five captions of varied construction, length
 * and focus, each with its ground-truth graph. Facts are the scene's stated relations and the
 * spatial relations between objects not otherwise attached (a hat is not said to be "on top of"
 * the man who wears it); groups of objects are stated about only when the relation holds for every
 * member.
 */
public final class CaptionPlanner {

    /** A sentence with its graph and the name of its construction. */
    public record Sentence(String raw, List<String> tokens, SceneGraph graph, String construction) {}

    /** A relation between two objects of the scene. */
    public record ObjectFact(int subject, String predicate, int object) {}

    /** A relation between a group and an object, in either direction. */
    public record GroupFact(Describer.Group group, String predicate, int other, boolean groupIsSubject) {}

    private static final List<String> CONSTRUCTIONS = List.of("clause", "reduced", "relative", "passive", "present", "there",
            "relative-subject", "relative-object", "two-clauses", "coordinated-subjects", "group", "single", "coordination", "predicative",
            "reduced-passive");

    private final ImageScene scene;
    private final SplittableRandom r;
    private final Describer describer;
    private final Grammar grammar;
    private final List<ObjectFact> facts;
    private final List<GroupFact> groupFacts;
    private final int[] mentions;
    private final boolean[] worn;

    public CaptionPlanner(ImageScene scene, SplittableRandom r) {
        this.scene = scene;
        this.r = r;
        this.describer = new Describer(scene, r);
        this.grammar = new Grammar(r);
        this.facts = objectFacts(scene);
        this.worn = wornObjects(scene);
        this.groupFacts = groupFacts(facts, describer.groups());
        this.mentions = new int[scene.objects().size()];
    }

    public Describer describer() {
        return describer;
    }

    public Grammar grammar() {
        return grammar;
    }

    public List<ObjectFact> facts() {
        return facts;
    }

    public List<GroupFact> groupFacts() {
        return groupFacts;
    }

    /** Which pairs of objects are tied by a stated relation (either way): spatial talk between them would be odd. */
    static boolean[][] attachedPairs(ImageScene scene) {
        int n = scene.objects().size();
        boolean[][] a = new boolean[n][n];
        for (SceneRelation rel : scene.relations()) {
            if (!BoxGeometry.isSpatial(rel.predicate())) {
                a[rel.subject()][rel.object()] = true;
                a[rel.object()][rel.subject()] = true;
            }
        }
        return a;
    }

    static boolean[] wornObjects(ImageScene scene) {
        boolean[] w = new boolean[scene.objects().size()];
        for (SceneObject o : scene.objects()) {
            w[o.id()] = Ontology.WORLD.spec(o.className()).placement() == Ontology.Placement.WORN;
        }
        return w;
    }

    /** The facts captions may state: stated visual relations, and spatial ones between unattached, unworn objects. */
    public static List<ObjectFact> objectFacts(ImageScene scene) {
        boolean[][] attached = attachedPairs(scene);
        boolean[] worn = wornObjects(scene);
        List<ObjectFact> out = new ArrayList<>();
        for (SceneRelation rel : scene.relations()) {
            Vocabulary.Predicate p = Vocabulary.WORLD.predicate(rel.predicate());
            if (p == null || !p.visual()) {
                continue;
            }
            if (p.spatial() && (attached[rel.subject()][rel.object()] || worn[rel.subject()] || worn[rel.object()])) {
                continue;
            }
            out.add(new ObjectFact(rel.subject(), rel.predicate(), rel.object()));
        }
        return out;
    }

    /** Relations that hold between every member of a group and one other object, from the object facts. */
    static List<GroupFact> groupFacts(List<ObjectFact> facts, List<Describer.Group> groups) {
        Set<ObjectFact> set = new HashSet<>(facts);
        List<GroupFact> out = new ArrayList<>();
        for (Describer.Group g : groups) {
            int first = g.members().iterator().next();
            Set<String> seen = new HashSet<>();
            for (ObjectFact f : facts) {
                boolean asSubject = f.subject() == first && !g.members().contains(f.object());
                boolean asObject = f.object() == first && !g.members().contains(f.subject());
                if (!asSubject && !asObject) {
                    continue;
                }
                int other = asSubject ? f.object() : f.subject();
                if (!seen.add(f.predicate() + "/" + other + "/" + asSubject)) {
                    continue;
                }
                boolean all = true;
                for (int m : g.members()) {
                    all &= set.contains(asSubject ? new ObjectFact(m, f.predicate(), other) : new ObjectFact(other, f.predicate(), m));
                }
                if (all) {
                    out.add(new GroupFact(g, f.predicate(), other, asSubject));
                }
            }
        }
        return out;
    }

    /** {@code n} different captions. */
    public List<Sentence> captions(int n) {
        List<Sentence> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>(CONSTRUCTIONS);
        int attempts = 0;
        while (out.size() < n && attempts++ < 200) {
            if (order.isEmpty()) {
                order = new ArrayList<>(CONSTRUCTIONS);
            }
            String c = order.remove(r.nextInt(order.size()));
            Sentence s = realize(c);
            if (s != null && seen.add(s.raw())) {
                out.add(s);
            }
        }
        while (out.size() < n) {
            // A scene too poor for five different sentences still gets five: the simplest construction, again.
            Sentence s = realize("single");
            if (seen.add(s.raw()) || attempts++ > 400) {
                out.add(s);
            }
        }
        return out;
    }

    /** A fact, preferring ones about objects mentioned least so far and stated relations over spatial ones. */
    private ObjectFact pickFact(List<ObjectFact> from) {
        if (from.isEmpty()) {
            return null;
        }
        double best = Double.NEGATIVE_INFINITY;
        ObjectFact chosen = null;
        for (ObjectFact f : from) {
            double kind = !BoxGeometry.isSpatial(f.predicate()) ? 1.5
                    : f.predicate().equals(BoxGeometry.ON_TOP_OF) || f.predicate().equals(BoxGeometry.UNDER) || f.predicate().equals(BoxGeometry.NEXT_TO) ? 0.8 : 0;
            double w = kind - 0.7 * (mentions[f.subject()] + mentions[f.object()]) + 1.5 * r.nextDouble();
            if (w > best) {
                best = w;
                chosen = f;
            }
        }
        return chosen;
    }

    private int pickObject() {
        int best = 0;
        double bw = Double.NEGATIVE_INFINITY;
        for (SceneObject o : scene.objects()) {
            double w = -mentions[o.id()] + 2.0 * r.nextDouble() + (worn[o.id()] ? -1 : 0);
            if (w > bw) {
                bw = w;
                best = o.id();
            }
        }
        return best;
    }

    private Mention mention(int id, int maxAdj) {
        mentions[id]++;
        return describer.describe(id, maxAdj, true);
    }

    private Fact fact(ObjectFact f) {
        return new Fact(mention(f.subject(), 2), f.predicate(), mention(f.object(), 2));
    }

    private Sentence done(SentenceBuilder sb, String construction) {
        return new Sentence(sb.raw(), sb.tokens(), sb.graph(), construction);
    }

    /** Realizes one construction, or null when the scene offers nothing it needs. */
    public Sentence realize(String construction) {
        SentenceBuilder sb = new SentenceBuilder();
        switch (construction) {
            case "clause": case "present": case "passive": {
                List<ObjectFact> usable = new ArrayList<>();
                Grammar.Form form = construction.equals("clause") ? Grammar.Form.PROGRESSIVE
                        : construction.equals("present") ? Grammar.Form.PRESENT : Grammar.Form.PASSIVE;
                for (ObjectFact f : facts) {
                    if (grammar.forms(f.predicate()).contains(form)) {
                        usable.add(f);
                    }
                }
                ObjectFact f = pickFact(usable);
                if (f == null) {
                    return null;
                }
                grammar.clause(sb, fact(f), form);
                return done(sb, "clause-" + form.name().toLowerCase());
            }
            case "reduced": case "relative": case "reduced-passive": case "there": {
                List<ObjectFact> usable = new ArrayList<>();
                for (ObjectFact f : facts) {
                    boolean ok = construction.equals("relative") ? grammar.canRelativize(f.predicate())
                            : construction.equals("reduced-passive") ? grammar.hasPassive(f.predicate()) : grammar.canModifyByParticiple(f.predicate());
                    if (ok) {
                        usable.add(f);
                    }
                }
                ObjectFact f = pickFact(usable);
                if (f == null) {
                    return null;
                }
                if (construction.equals("there")) {
                    grammar.there(sb, false);
                    Fact x = fact(f);
                    grammar.reduced(sb, new Fact(indefinite(x.subject()), x.predicate(), x.object()));
                } else {
                    grammar.maybePrefix(sb, 0.3);
                    Fact x = fact(f);
                    if (construction.equals("reduced")) {
                        grammar.reduced(sb, x);
                    } else if (construction.equals("relative")) {
                        grammar.withRelative(sb, x);
                    } else {
                        grammar.reducedPassive(sb, x);
                    }
                }
                return done(sb, construction);
            }
            case "relative-subject": {
                List<ObjectFact[]> pairs = new ArrayList<>();
                for (ObjectFact a : facts) {
                    for (ObjectFact b : facts) {
                        if (a != b && a.subject() == b.subject() && a.object() != b.object() && grammar.canRelativize(a.predicate())
                                && grammar.canRelativize(b.predicate())) {
                            pairs.add(new ObjectFact[] {a, b});
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    return null;
                }
                ObjectFact[] p = pairs.get(r.nextInt(pairs.size()));
                Mention s = mention(p[0].subject(), 1);
                int e = grammar.np(sb, s);
                grammar.relative(sb, e, new Fact(s, p[0].predicate(), mention(p[0].object(), 1)));
                grammar.predicate(sb, e, new Fact(s, p[1].predicate(), mention(p[1].object(), 1)), true);
                return done(sb, construction);
            }
            case "relative-object": {
                List<ObjectFact[]> pairs = new ArrayList<>();
                for (ObjectFact a : facts) {
                    for (ObjectFact b : facts) {
                        if (a.object() == b.subject() && b.object() != a.subject() && grammar.canRelativize(b.predicate())
                                && grammar.canRelativize(a.predicate())) {
                            pairs.add(new ObjectFact[] {a, b});
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    return null;
                }
                ObjectFact[] p = pairs.get(r.nextInt(pairs.size()));
                Mention s = mention(p[0].subject(), 1), mid = mention(p[0].object(), 1), last = mention(p[1].object(), 1);
                grammar.relativeOnObject(sb, new Fact(s, p[0].predicate(), mid), new Fact(mid, p[1].predicate(), last));
                return done(sb, construction);
            }
            case "two-clauses": {
                ObjectFact a = pickFact(facts);
                if (a == null) {
                    return null;
                }
                List<ObjectFact> rest = new ArrayList<>();
                for (ObjectFact b : facts) {
                    if (Set.of(a.subject(), a.object()).stream().noneMatch(x -> x == b.subject() || x == b.object())) {
                        rest.add(b);
                    }
                }
                ObjectFact b = pickFact(rest);
                if (b == null) {
                    return null;
                }
                grammar.clause(sb, fact(a), Grammar.Form.PROGRESSIVE);
                sb.word("and");
                grammar.clause(sb, fact(b), Grammar.Form.PROGRESSIVE);
                return done(sb, construction);
            }
            case "coordinated-subjects": {
                List<ObjectFact[]> pairs = new ArrayList<>();
                for (ObjectFact a : facts) {
                    for (ObjectFact b : facts) {
                        if (a.subject() < b.subject() && a.predicate().equals(b.predicate()) && a.object() == b.object() && grammar.canRelativize(a.predicate())) {
                            pairs.add(new ObjectFact[] {a, b});
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    return null;
                }
                ObjectFact[] p = pairs.get(r.nextInt(pairs.size()));
                int s1 = grammar.np(sb, mention(p[0].subject(), 1));
                sb.word("and");
                int s2 = grammar.np(sb, mention(p[1].subject(), 1));
                sb.word("are");
                org.unimoj.api.text.Span span = sb.phrase(participle(p[0].predicate()));
                int o = grammar.np(sb, mention(p[0].object(), 1));
                sb.relation(s1, p[0].predicate(), o, span);
                sb.relation(s2, p[0].predicate(), o, span);
                return done(sb, construction);
            }
            case "group": {
                if (groupFacts.isEmpty()) {
                    List<Describer.Group> groups = describer.groups();
                    if (groups.isEmpty()) {
                        return null;
                    }
                    Describer.Group g = groups.get(r.nextInt(groups.size()));
                    Mention m = describer.group(g, true);
                    if (r.nextBoolean()) {
                        grammar.there(sb, true);
                    } else {
                        grammar.maybePrefix(sb, 1.0);
                    }
                    grammar.np(sb, m);
                    return done(sb, "group-there");
                }
                GroupFact gf = groupFacts.get(r.nextInt(groupFacts.size()));
                Mention g = describer.group(gf.group(), true);
                Mention other = mention(gf.other(), 1);
                Fact f = gf.groupIsSubject() ? new Fact(g, gf.predicate(), other) : new Fact(other, gf.predicate(), g);
                List<Grammar.Form> forms = grammar.forms(gf.predicate());
                grammar.clause(sb, f, forms.get(r.nextInt(forms.size())));
                return done(sb, "group-clause");
            }
            case "single": {
                grammar.maybePrefix(sb, 0.6);
                grammar.np(sb, mention(pickObject(), 3));
                return done(sb, construction);
            }
            case "coordination": {
                if (scene.objects().size() < 2) {
                    return null;
                }
                int a = pickObject();
                List<Integer> others = new ArrayList<>();
                for (SceneObject o : scene.objects()) {
                    if (o.id() != a && !o.className().equals(scene.objects().get(a).className())) {
                        others.add(o.id());
                    }
                }
                if (others.isEmpty()) {
                    return null;
                }
                int b = others.get(r.nextInt(others.size()));
                grammar.maybePrefix(sb, 0.5);
                grammar.np(sb, mention(a, 2));
                sb.word("and");
                grammar.np(sb, mention(b, 2));
                return done(sb, construction);
            }
            case "predicative": {
                List<Integer> candidates = new ArrayList<>();
                for (SceneObject o : scene.objects()) {
                    if (!o.attributes().isEmpty()) {
                        candidates.add(o.id());
                    }
                }
                if (candidates.isEmpty()) {
                    return null;
                }
                int id = candidates.get(r.nextInt(candidates.size()));
                SceneObject o = scene.objects().get(id);
                mentions[id]++;
                Map<String, String> said = new LinkedHashMap<>();
                List<String> families = new ArrayList<>(o.attributes().keySet());
                said.put(families.get(r.nextInt(families.size())), null);
                if (families.size() > 1 && r.nextBoolean()) {
                    said.put(families.get(r.nextInt(families.size())), null);
                }
                List<String> adjs = new ArrayList<>();
                for (String f : said.keySet()) {
                    adjs.add(describer.adjective(f, o.attribute(f)));
                }
                Describer.Noun noun = describer.noun(o.className(), true);
                Mention m = new Mention(new NounPhrase("a", List.of(), noun.lemma(), noun.lemma(), 1), Set.of(id));
                grammar.maybePrefix(sb, 0.4);
                grammar.predicative(sb, m, adjs);
                return done(sb, construction);
            }
            default:
                throw new IllegalArgumentException("unknown construction " + construction);
        }
    }

    /** The mention with "a" instead of "the" (after "there is"). */
    static Mention indefinite(Mention m) {
        NounPhrase p = m.phrase();
        if (!p.determiner().equals("the")) {
            return m;
        }
        return new Mention(new NounPhrase("a", p.adjectives(), p.noun(), p.lemma(), p.count()), m.objects());
    }

    private List<String> participle(String predicate) {
        return Vocabulary.WORLD.predicate(predicate).wordings().get(0).participle();
    }
}
