package org.unimoj.data.world.derived;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.language.CaptionPlanner;
import org.unimoj.data.world.language.Fact;
import org.unimoj.data.world.language.Grammar;
import org.unimoj.data.world.language.Mention;
import org.unimoj.data.world.language.NounPhrase;
import org.unimoj.data.world.language.SentenceBuilder;
import org.unimoj.data.world.sampling.Ontology;

/**
 * SNLI-VE hypotheses about one scene, one per label, each built by a rule that makes it so:
 * <ul>
 *   <li>entailment: a new true sentence (another caption-like statement of a fact, an existence,
 *       an exact count);</li>
 *   <li>contradiction: a class absent from the image, a colour no object of that class has, a count
 *       one too high, the roles of a stated relation swapped where no such pair exists, or a spatial
 *       relation replaced by its opposite where no pair of those classes stands so;</li>
 *   <li>neutral: a true visual statement plus something no image can show (an object "waiting
 *       for" another, a thing that "belongs to" a person, a "hungry" animal, an "expensive" car).</li>
 * </ul>
 * The labels are not read off a truth checker: a test decides every one of them independently with
 * {@link org.unimoj.data.scene.SceneTruth}.
 */
public final class EntailmentBuilder {

    /** A hypothesis with its label and the rule that made it. */
    public record Hypothesis(CaptionPlanner.Sentence sentence, EntailmentLabel label, String rule) {}

    private static final Map<String, String> OPPOSITE = Map.of(BoxGeometry.LEFT_OF, BoxGeometry.RIGHT_OF, BoxGeometry.RIGHT_OF, BoxGeometry.LEFT_OF,
            BoxGeometry.ABOVE, BoxGeometry.BELOW, BoxGeometry.BELOW, BoxGeometry.ABOVE, BoxGeometry.ON_TOP_OF, BoxGeometry.UNDER,
            BoxGeometry.UNDER, BoxGeometry.ON_TOP_OF);

    private final Vocabulary v = Vocabulary.WORLD;
    private final Ontology ontology = Ontology.WORLD;

    /** A hypothesis with {@code label}; {@code planner} (made with {@code r}) carries the scene. */
    public Hypothesis build(CaptionPlanner planner, EntailmentLabel label, SplittableRandom r) {
        ImageScene scene = planner.describer().scene();
        SceneFacts f = new SceneFacts(scene);
        for (int attempt = 0; attempt < 40; attempt++) {
            Hypothesis h = switch (label) {
                case ENTAILMENT -> entailment(planner, r);
                case CONTRADICTION -> contradiction(f, planner, r);
                case NEUTRAL -> neutral(f, planner, r);
            };
            if (h != null) {
                return h;
            }
        }
        throw new IllegalStateException("no " + label + " hypothesis for image " + scene.imageId());
    }

    private Hypothesis entailment(CaptionPlanner planner, SplittableRandom r) {
        String c = List.of("clause", "present", "passive", "there", "single", "group", "coordination", "reduced").get(r.nextInt(8));
        CaptionPlanner.Sentence s = planner.realize(c);
        return s == null ? null : new Hypothesis(s, EntailmentLabel.ENTAILMENT, "true-" + s.construction());
    }

    private static Mention mention(String determiner, String noun, String lemma, int count, List<String> adjectives, Set<Integer> objects) {
        return new Mention(new NounPhrase(determiner, adjectives, noun, lemma, count), objects);
    }

    private static Mention classMention(String cls, List<String> adjectives) {
        return mention("a", cls, cls, 1, adjectives, Set.of());
    }

    private CaptionPlanner.Sentence sentence(SentenceBuilder sb, String construction) {
        return new CaptionPlanner.Sentence(sb.raw(), sb.tokens(), sb.graph(), construction);
    }

    private Hypothesis contradiction(SceneFacts f, CaptionPlanner planner, SplittableRandom r) {
        Grammar g = planner.grammar();
        SentenceBuilder sb = new SentenceBuilder();
        switch (r.nextInt(5)) {
            case 0: { // a class the image lacks, in a plausible role
                List<String> absent = new ArrayList<>();
                for (Vocabulary.ObjectClass c : v.classes()) {
                    if (!f.present(c.name())) {
                        absent.add(c.name());
                    }
                }
                String missing = absent.get(r.nextInt(absent.size()));
                List<CaptionPlanner.ObjectFact> usable = new ArrayList<>();
                for (CaptionPlanner.ObjectFact x : planner.facts()) {
                    if (!BoxGeometry.isSpatial(x.predicate()) && ontology.plausible(x.predicate(), f.cls(x.subject()), missing)) {
                        usable.add(x);
                    }
                }
                if (!usable.isEmpty() && r.nextBoolean()) {
                    CaptionPlanner.ObjectFact x = usable.get(r.nextInt(usable.size()));
                    g.clause(sb, new Fact(planner.describer().describe(x.subject(), 1, false), x.predicate(), classMention(missing, List.of())),
                            Grammar.Form.PROGRESSIVE);
                } else {
                    g.there(sb, false);
                    sb.nounPhrase(classMention(missing, List.of()).phrase());
                }
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.CONTRADICTION, "absent-class");
            }
            case 1: { // a colour that no object of the class has
                SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
                List<String> wrong = new ArrayList<>();
                for (String c : ontology.spec(o.className()).colours()) {
                    if (f.matching(o.className(), Map.of("colour", c)).isEmpty()) {
                        wrong.add(c);
                    }
                }
                if (wrong.isEmpty()) {
                    return null;
                }
                g.there(sb, false);
                sb.nounPhrase(classMention(o.className(), List.of(wrong.get(r.nextInt(wrong.size())))).phrase());
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.CONTRADICTION, "absent-colour");
            }
            case 2: { // one more than there are
                SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
                int n = f.ofClass(o.className()).size() + 1 + r.nextInt(2);
                if (n > 5) {
                    return null;
                }
                g.there(sb, true);
                Vocabulary.ObjectClass c = v.objectClass(o.className());
                sb.nounPhrase(new NounPhrase(org.unimoj.data.world.language.Describer.numberWord(n), List.of(), c.plural(), c.name(), n));
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.CONTRADICTION, "wrong-count");
            }
            case 3: { // the roles of a stated relation swapped, where no such pair exists
                List<SceneRelation> stated = new ArrayList<>();
                for (SceneRelation rel : f.scene.relations()) {
                    if (!BoxGeometry.isSpatial(rel.predicate())) {
                        stated.add(rel);
                    }
                }
                if (stated.isEmpty()) {
                    return null;
                }
                SceneRelation rel = stated.get(r.nextInt(stated.size()));
                String s = f.cls(rel.object()), o = f.cls(rel.subject());
                if (s.equals(o) || f.anyBetweenClasses(s, rel.predicate(), o)) {
                    return null;
                }
                List<Grammar.Form> forms = g.forms(rel.predicate());
                forms.remove(Grammar.Form.PASSIVE);
                g.clause(sb, new Fact(classMention(s, List.of()), rel.predicate(), classMention(o, List.of())), forms.get(r.nextInt(forms.size())));
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.CONTRADICTION, "swapped-roles");
            }
            default: { // the opposite spatial relation, where no pair of those classes stands so
                List<CaptionPlanner.ObjectFact> spatial = new ArrayList<>();
                for (CaptionPlanner.ObjectFact x : planner.facts()) {
                    if (OPPOSITE.containsKey(x.predicate())) {
                        spatial.add(x);
                    }
                }
                if (spatial.isEmpty()) {
                    return null;
                }
                CaptionPlanner.ObjectFact x = spatial.get(r.nextInt(spatial.size()));
                String s = f.cls(x.subject()), o = f.cls(x.object());
                String opposite = OPPOSITE.get(x.predicate());
                if (s.equals(o) || f.anyBetweenClasses(s, opposite, o)) {
                    return null;
                }
                g.clause(sb, new Fact(classMention(s, List.of()), opposite, classMention(o, List.of())), Grammar.Form.PROGRESSIVE);
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.CONTRADICTION, "opposite-place");
            }
        }
    }

    private Hypothesis neutral(SceneFacts f, CaptionPlanner planner, SplittableRandom r) {
        Grammar g = planner.grammar();
        SentenceBuilder sb = new SentenceBuilder();
        List<SceneObject> objects = f.scene.objects();
        switch (r.nextInt(3)) {
            case 0: { // waiting for
                List<int[]> pairs = new ArrayList<>();
                for (SceneObject s : objects) {
                    for (SceneObject o : objects) {
                        if (s.id() != o.id() && ontology.plausible("waiting for", s.className(), o.className())) {
                            pairs.add(new int[] {s.id(), o.id()});
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    return null;
                }
                int[] p = pairs.get(r.nextInt(pairs.size()));
                g.clause(sb, new Fact(planner.describer().describe(p[0], 1, true), "waiting for", planner.describer().describe(p[1], 1, true)),
                        r.nextBoolean() ? Grammar.Form.PROGRESSIVE : Grammar.Form.PRESENT);
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.NEUTRAL, "waiting-for");
            }
            case 1: { // belongs to
                List<int[]> pairs = new ArrayList<>();
                for (SceneObject s : objects) {
                    for (SceneObject o : objects) {
                        if (s.id() != o.id() && ontology.plausible("belongs to", s.className(), o.className())) {
                            pairs.add(new int[] {s.id(), o.id()});
                        }
                    }
                }
                if (pairs.isEmpty()) {
                    return null;
                }
                int[] p = pairs.get(r.nextInt(pairs.size()));
                Fact x = new Fact(planner.describer().describe(p[0], 1, false), "belongs to", planner.describer().describe(p[1], 1, true));
                if (r.nextBoolean()) {
                    g.clause(sb, x, Grammar.Form.PRESENT);
                } else {
                    g.reduced(sb, x);
                }
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.NEUTRAL, "belongs-to");
            }
            default: { // a true statement about an object with a state no image shows
                SceneObject o = objects.get(r.nextInt(objects.size()));
                String sup = v.objectClass(o.className()).supercategory();
                List<String> states = sup.equals("animal") ? List.of("hungry", "tired") : sup.equals("person") ? List.of("hungry", "tired", "famous")
                        : List.of("expensive", "borrowed");
                String state = states.get(r.nextInt(states.size()));
                List<CaptionPlanner.ObjectFact> about = new ArrayList<>();
                for (CaptionPlanner.ObjectFact x : planner.facts()) {
                    if (x.subject() == o.id()) {
                        about.add(x);
                    }
                }
                Mention m = planner.describer().describe(o.id(), 1, false);
                List<String> adjs = new ArrayList<>();
                adjs.add(state);
                adjs.addAll(m.phrase().adjectives());
                Mention withState = new Mention(m.phrase().withAdjectives(adjs), m.objects());
                if (about.isEmpty()) {
                    g.there(sb, false);
                    sb.nounPhrase(new NounPhrase("a", adjs, m.phrase().noun(), m.phrase().lemma(), 1));
                } else {
                    CaptionPlanner.ObjectFact x = about.get(r.nextInt(about.size()));
                    g.clause(sb, new Fact(withState, x.predicate(), planner.describer().describe(x.object(), 1, true)), Grammar.Form.PROGRESSIVE);
                }
                return new Hypothesis(sentence(sb, "hypothesis"), EntailmentLabel.NEUTRAL, "unseen-state");
            }
        }
    }
}
