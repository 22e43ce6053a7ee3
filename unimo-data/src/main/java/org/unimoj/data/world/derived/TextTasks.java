package org.unimoj.data.world.derived;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.language.CaptionPlanner;
import org.unimoj.data.world.language.Describer;
import org.unimoj.data.world.language.Fact;
import org.unimoj.data.world.language.Grammar;
import org.unimoj.data.world.language.Mention;
import org.unimoj.data.world.language.NounPhrase;
import org.unimoj.data.world.language.SentenceBuilder;
import org.unimoj.data.world.sampling.Ontology;

/**
 * The text-only data, from scenes that are not among the images:
 * <ul>
 *   <li>corpus sentences: captions of unseen scenes, and general statements about the classes
 *       ("horses are often brown or black.", "people often ride bicycles.");</li>
 *   <li>plausibility (a GLUE-style single-sentence task): label 1 for a true caption of some scene,
 *       0 for a sentence the world does not allow (roles swapped, "a cup is eating a pizza", "a
 *       wooden dog", "a bus on top of a cup");</li>
 *   <li>summarization: a paragraph listing a scene's objects and relations -> the one sentence
 *       that states its main event.</li>
 * </ul>
 */
public final class TextTasks {

    private static final Map<String, String> SETTING_WORD = Map.of("street", "street", "park", "park", "kitchen", "kitchen",
            "living room", "living room", "beach", "beach", "farm", "farm", "zoo", "zoo", "station", "station");

    private final Vocabulary v = Vocabulary.WORLD;
    private final Ontology ontology = Ontology.WORLD;

    /** One to three captions of an unseen scene, or one general statement. */
    public List<String> corpusSentences(ImageScene unseen, SplittableRandom r) {
        if (r.nextInt(10) < 7) {
            int n = 1 + r.nextInt(3);
            List<String> out = new ArrayList<>();
            for (CaptionPlanner.Sentence s : new CaptionPlanner(unseen, r).captions(n)) {
                out.add(s.raw());
            }
            return out;
        }
        return List.of(generalStatement(r));
    }

    private String generalStatement(SplittableRandom r) {
        List<Vocabulary.ObjectClass> classes = v.classes();
        Vocabulary.ObjectClass c = classes.get(r.nextInt(classes.size()));
        Ontology.ClassSpec spec = ontology.spec(c.name());
        String a = "aeiou".indexOf(c.name().charAt(0)) >= 0 ? "An " : "A ";
        switch (r.nextInt(5)) {
            case 0: {
                String sup = c.supercategory();
                if (sup.equals("furniture")) {
                    return a + c.name() + " is a piece of furniture.";
                }
                if (sup.equals("food")) {
                    return a + c.name() + " is something to eat.";
                }
                if (sup.equals("tableware")) {
                    return a + c.name() + " is often found in a kitchen.";
                }
                if (sup.equals("clothing")) {
                    return a + c.name() + " is something people wear.";
                }
                if (sup.equals("accessory")) {
                    return a + c.name() + " is something people carry.";
                }
                return a + c.name() + " is a kind of " + sup + ".";
            }
            case 1: {
                List<String> colours = spec.colours();
                if (colours.size() < 2) {
                    return cap(c.plural()) + " are usually " + (colours.isEmpty() ? "striped" : colours.get(0)) + ".";
                }
                int i = r.nextInt(colours.size()), j = (i + 1 + r.nextInt(colours.size() - 1)) % colours.size();
                return cap(c.plural()) + " are often " + colours.get(i) + " or " + colours.get(j) + ".";
            }
            case 2: {
                if (spec.materials().isEmpty()) {
                    return cap(c.plural()) + " can be seen in a " + settingOf(c.name(), r) + ".";
                }
                String m = VqaBuilder.MATERIAL_NOUN.get(spec.materials().get(r.nextInt(spec.materials().size())));
                return cap(c.plural()) + " can be made of " + m + ".";
            }
            case 3: {
                List<String> preds = ontology.statedPredicates();
                String p = preds.get(r.nextInt(preds.size()));
                Vocabulary.Predicate pred = v.predicate(p);
                if (!pred.visual() || ontology.objects(p).isEmpty()) {
                    return cap(c.plural()) + " can be seen in a " + settingOf(c.name(), r) + ".";
                }
                List<String> subjects = ontology.subjects(p), objects = ontology.objects(p);
                String s = subjects.get(r.nextInt(subjects.size())), o = objects.get(r.nextInt(objects.size()));
                String sp = v.objectClass(s).supercategory().equals("person") ? "people" : v.objectClass(s).plural();
                return cap(sp) + " often " + String.join(" ", pred.wordings().get(0).presentPl()) + " " + v.objectClass(o).plural() + ".";
            }
            default:
                return "You can often see " + c.plural() + " in a " + settingOf(c.name(), r) + ".";
        }
    }

    private String settingOf(String cls, SplittableRandom r) {
        List<String> where = new ArrayList<>();
        for (Ontology.Setting s : ontology.settings()) {
            if (s.anchors().contains(cls) || s.smalls().contains(cls)) {
                where.add(SETTING_WORD.get(s.name()));
            }
        }
        return where.isEmpty() ? "room" : where.get(r.nextInt(where.size()));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A plausibility example from an unseen scene: half true captions (1), half impossible sentences (0). */
    public LabeledText plausibility(String id, ImageScene unseen, SplittableRandom r) {
        CaptionPlanner planner = new CaptionPlanner(unseen, r);
        if (r.nextBoolean()) {
            CaptionPlanner.Sentence s = planner.captions(1).get(0);
            return new LabeledText(id, String.join(" ", s.tokens()), null, "1");
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            SentenceBuilder sb = impossible(unseen, planner, r);
            if (sb != null) {
                return new LabeledText(id, String.join(" ", sb.tokens()), null, "0");
            }
        }
        // Any scene has at least one object: an impossible material for it.
        return new LabeledText(id, impossibleAttribute(unseen.objects().get(0).className(), r), null, "0");
    }

    private static Mention bare(String cls, List<String> adjs) {
        return new Mention(new NounPhrase("a", adjs, cls, cls, 1), java.util.Set.of());
    }

    private SentenceBuilder impossible(ImageScene scene, CaptionPlanner planner, SplittableRandom r) {
        Grammar g = planner.grammar();
        SentenceBuilder sb = new SentenceBuilder();
        List<SceneObject> objects = scene.objects();
        switch (r.nextInt(4)) {
            case 0: { // a stated relation with subject and object swapped, where that is impossible
                for (SceneRelation rel : scene.relations()) {
                    String s = objects.get(rel.object()).className(), o = objects.get(rel.subject()).className();
                    if (!BoxGeometry.isSpatial(rel.predicate()) && !ontology.plausible(rel.predicate(), s, o) && r.nextBoolean()) {
                        g.clause(sb, new Fact(bare(s, List.of()), rel.predicate(), bare(o, List.of())), Grammar.Form.PROGRESSIVE);
                        return sb;
                    }
                }
                return null;
            }
            case 1: { // a subject that cannot do what the relation says
                List<String> preds = List.of("riding", "eating", "wearing", "holding", "chasing", "sitting on");
                String p = preds.get(r.nextInt(preds.size()));
                List<Vocabulary.ObjectClass> classes = v.classes();
                String s = classes.get(r.nextInt(classes.size())).name();
                List<String> objs = ontology.objects(p);
                String o = objs.get(r.nextInt(objs.size()));
                if (ontology.plausible(p, s, o) || s.equals(o)) {
                    return null;
                }
                g.clause(sb, new Fact(bare(s, List.of()), p, bare(o, List.of())), Grammar.Form.PROGRESSIVE);
                return sb;
            }
            case 2: { // a tiny thing carrying a huge one on top
                List<Vocabulary.ObjectClass> classes = v.classes();
                String big = classes.get(r.nextInt(classes.size())).name(), small = classes.get(r.nextInt(classes.size())).name();
                Ontology.ClassSpec b = ontology.spec(big), s = ontology.spec(small);
                if (b.width() * b.height() < 20 * s.width() * s.height() || s.placement() == Ontology.Placement.WORN) {
                    return null;
                }
                g.clause(sb, new Fact(bare(big, List.of()), BoxGeometry.ON_TOP_OF, bare(small, List.of())), Grammar.Form.PROGRESSIVE);
                return sb;
            }
            default: {
                String cls = objects.get(r.nextInt(objects.size())).className();
                SentenceBuilder x = new SentenceBuilder();
                String text = impossibleAttribute(cls, r);
                if (text == null) {
                    return null;
                }
                x.word(text);
                return x;
            }
        }
    }

    /** "a wooden dog": a material (or colour) the class never has. */
    private String impossibleAttribute(String cls, SplittableRandom r) {
        Ontology.ClassSpec spec = ontology.spec(cls);
        List<String> options = new ArrayList<>();
        for (String m : v.families().get("material")) {
            if (!spec.materials().contains(m) && spec.materials().isEmpty()) {
                options.add(m);
            }
        }
        if (options.isEmpty() && !spec.colours().isEmpty()) {
            for (String c : v.families().get("colour")) {
                if (!spec.colours().contains(c) && spec.colours().size() <= 2) {
                    options.add(c);
                }
            }
        }
        if (options.isEmpty()) {
            return null;
        }
        String adj = options.get(r.nextInt(options.size()));
        return ("aeiou".indexOf(adj.charAt(0)) >= 0 ? "an " : "a ") + adj + " " + cls;
    }

    /** A paragraph about an unseen scene and the one sentence that sums it up. */
    public SourceTarget summary(String id, ImageScene scene, SplittableRandom r) {
        List<SceneObject> objects = scene.objects();
        List<String> sentences = new ArrayList<>();
        String[] ref = new String[objects.size()];
        for (SceneObject o : objects) {
            List<String> adjs = new ArrayList<>();
            for (String fam : Describer.FAMILY_ORDER) {
                if (o.attribute(fam) != null) {
                    adjs.add(o.attribute(fam));
                }
            }
            String np = String.join(" ", adjs) + (adjs.isEmpty() ? "" : " ") + o.className();
            ref[o.id()] = "the " + np;
            sentences.add("there is " + ("aeiou".indexOf(np.charAt(0)) >= 0 ? "an " : "a ") + np + " .");
        }
        List<SceneRelation> stated = new ArrayList<>();
        List<SceneRelation> spatial = new ArrayList<>();
        for (SceneRelation rel : scene.relations()) {
            (BoxGeometry.isSpatial(rel.predicate()) ? spatial : stated).add(rel);
        }
        for (SceneRelation rel : stated) {
            sentences.add(ref[rel.subject()] + " is " + String.join(" ", v.predicate(rel.predicate()).wordings().get(0).participle()) + " " + ref[rel.object()] + " .");
        }
        List<CaptionPlanner.ObjectFact> facts = CaptionPlanner.objectFacts(scene);
        int added = 0;
        for (CaptionPlanner.ObjectFact x : facts) {
            if (BoxGeometry.isSpatial(x.predicate()) && added < 3 && r.nextBoolean()) {
                sentences.add(ref[x.subject()] + " is " + String.join(" ", v.predicate(x.predicate()).wordings().get(0).participle()) + " " + ref[x.object()] + " .");
                added++;
            }
        }
        for (int i = sentences.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = sentences.get(i);
            sentences.set(i, sentences.get(j));
            sentences.set(j, t);
        }
        sentences.add(0, "this picture shows a " + SETTING_WORD.get(scene.setting()) + " scene .");
        return new SourceTarget(id, String.join(" ", sentences), mainEvent(scene, r));
    }

    /** The main event: the stated relation whose subject is largest; else the two largest objects. Class nouns only. */
    private String mainEvent(ImageScene scene, SplittableRandom r) {
        CaptionPlanner planner = new CaptionPlanner(scene, r);
        Describer d = planner.describer();
        java.util.function.IntFunction<Mention> np = id -> d.plain(id, 2);
        Grammar g = planner.grammar();
        SentenceBuilder sb = new SentenceBuilder();
        SceneRelation best = null;
        for (SceneRelation rel : scene.relations()) {
            if (!BoxGeometry.isSpatial(rel.predicate())
                    && (best == null || scene.objects().get(rel.subject()).box().area() > scene.objects().get(best.subject()).box().area())) {
                best = rel;
            }
        }
        if (best != null) {
            g.clause(sb, new Fact(np.apply(best.subject()), best.predicate(), np.apply(best.object())), Grammar.Form.PROGRESSIVE);
            return String.join(" ", sb.tokens());
        }
        List<SceneObject> bySize = new ArrayList<>(scene.objects());
        bySize.sort(Comparator.comparingLong((SceneObject o) -> -o.box().area()).thenComparingInt(SceneObject::id));
        int a = bySize.get(0).id(), b = bySize.get(1).id();
        for (CaptionPlanner.ObjectFact x : CaptionPlanner.objectFacts(scene)) {
            if (x.subject() == a && x.object() == b) {
                g.clause(sb, new Fact(np.apply(a), x.predicate(), np.apply(b)), Grammar.Form.PROGRESSIVE);
                return String.join(" ", sb.tokens());
            }
        }
        g.np(sb, np.apply(a));
        sb.word("and");
        g.np(sb, np.apply(b));
        return String.join(" ", sb.tokens());
    }
}
