package org.unimoj.data.world.derived;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.unimoj.api.data.VqaExample;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.vqa.VqaWriter;
import org.unimoj.data.world.sampling.Ontology;

/**
 * VQA questions about one scene, answered from its graph, with ten annotators who mostly agree:
 * <pre>
 *   Is there a [ADJ] NOUN?                     yes/no   "is there a"
 *   How many [ADJ] NOUNS are there?            number   "how many"
 *   What color is the NOUN?                    other    "what color is the"      (NOUN unique in the image)
 *   What is the NOUN made of?                  other    "what is the"            (unique; answer wood, metal, ...)
 *   What is the NOUN PARTICIPLE?               other    "what is the man" ...    (unique subject and answer)
 *   What is SPATIAL the NOUN?                  other    "what is"                (exactly one object so placed)
 *   Is the NOUN PARTICIPLE the NOUN?           yes/no   "is the"                 (both unique)
 * </pre>
 * Referents are class nouns; answers are class names, colour names, material nouns, "yes"/"no" or
 * digits. Four annotators at most give another answer (a neighbouring count, a synonym, a similar
 * colour...), so the right answer is always the most frequent one.
 */
public final class VqaBuilder {

    static final Map<String, String> MATERIAL_NOUN = Map.of("wooden", "wood", "metal", "metal", "plastic", "plastic", "glass", "glass",
            "leather", "leather", "ceramic", "ceramic");

    private final Vocabulary v = Vocabulary.WORLD;
    private final Ontology ontology = Ontology.WORLD;

    /** A question before its annotators: text, types, the right answer and plausible wrong ones. */
    record Question(String text, String questionType, String answerType, String answer, List<String> wrong) {}

    public List<VqaWriter.Entry> questions(ImageScene scene, SplittableRandom r, int count, long firstId) {
        SceneFacts f = new SceneFacts(scene);
        List<VqaWriter.Entry> out = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < 60) {
            Question q = switch (r.nextInt(8)) {
                case 0 -> existsYes(f, r);
                case 1 -> existsNo(f, r);
                case 2 -> howMany(f, r);
                case 3 -> colour(f, r);
                case 4 -> material(f, r);
                case 5 -> relationWhat(f, r);
                case 6 -> spatialWhat(f, r);
                default -> relationYesNo(f, r);
            };
            if (q == null || !asked.add(q.text())) {
                continue;
            }
            out.add(annotate(q, String.valueOf(firstId + out.size()), scene.imageId(), r));
        }
        return out;
    }

    private VqaWriter.Entry annotate(Question q, String id, String imageId, SplittableRandom r) {
        int wrong = pickWrongCount(r);
        List<String> answers = new ArrayList<>();
        List<String> confidence = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean isWrong = i < wrong && !q.wrong().isEmpty();
            answers.add(isWrong ? q.wrong().get(r.nextInt(q.wrong().size())) : q.answer());
            confidence.add(isWrong ? (r.nextBoolean() ? "maybe" : "no") : (r.nextInt(10) == 0 ? "maybe" : "yes"));
        }
        for (int i = answers.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String a = answers.get(i);
            answers.set(i, answers.get(j));
            answers.set(j, a);
            String c = confidence.get(i);
            confidence.set(i, confidence.get(j));
            confidence.set(j, c);
        }
        return new VqaWriter.Entry(new VqaExample(id, imageId, q.text(), q.questionType(), q.answerType(), q.answer(), answers), confidence);
    }

    private static int pickWrongCount(SplittableRandom r) {
        int x = r.nextInt(20);
        return x < 9 ? 0 : x < 14 ? 1 : x < 17 ? 2 : x < 19 ? 3 : 4;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String article(String next) {
        return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
    }

    private Question existsYes(SceneFacts f, SplittableRandom r) {
        SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
        String noun = nounFor(o.className(), r);
        String adj = "";
        if (!o.attributes().isEmpty() && r.nextBoolean()) {
            List<String> fams = new ArrayList<>(o.attributes().keySet());
            String fam = fams.get(r.nextInt(fams.size()));
            adj = o.attribute(fam) + " ";
        }
        String phrase = adj + noun;
        return new Question("Is there " + article(phrase) + " " + phrase + "?", "is there a", "yes/no", "yes", List.of("no"));
    }

    private String nounFor(String cls, SplittableRandom r) {
        List<String> options = new ArrayList<>();
        options.add(cls);
        for (Vocabulary.Noun n : v.nouns()) {
            if (n.kind().equals("synonym") && n.classes().contains(cls)) {
                options.add(n.lemma());
            }
        }
        return options.size() > 1 && r.nextInt(4) == 0 ? options.get(1 + r.nextInt(options.size() - 1)) : cls;
    }

    private Question existsNo(SceneFacts f, SplittableRandom r) {
        if (r.nextBoolean()) {
            List<Vocabulary.ObjectClass> absent = new ArrayList<>();
            for (Vocabulary.ObjectClass c : v.classes()) {
                if (!f.present(c.name())) {
                    absent.add(c);
                }
            }
            String cls = absent.get(r.nextInt(absent.size())).name();
            return new Question("Is there " + article(cls) + " " + cls + "?", "is there a", "yes/no", "no", List.of("yes"));
        }
        SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
        List<String> colours = ontology.spec(o.className()).colours();
        List<String> absent = new ArrayList<>();
        for (String c : colours) {
            if (f.matching(o.className(), Map.of("colour", c)).isEmpty()) {
                absent.add(c);
            }
        }
        if (absent.isEmpty()) {
            return null;
        }
        String phrase = absent.get(r.nextInt(absent.size())) + " " + o.className();
        return new Question("Is there " + article(phrase) + " " + phrase + "?", "is there a", "yes/no", "no", List.of("yes"));
    }

    private Question howMany(SceneFacts f, SplittableRandom r) {
        String cls;
        Map<String, String> attrs = new LinkedHashMap<>();
        if (r.nextInt(8) == 0) {
            List<Vocabulary.ObjectClass> all = v.classes();
            cls = all.get(r.nextInt(all.size())).name();
        } else {
            SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
            cls = o.className();
            if (o.attribute("colour") != null && r.nextInt(3) == 0) {
                attrs.put("colour", o.attribute("colour"));
            }
        }
        int n = f.matching(cls, attrs).size();
        String phrase = (attrs.isEmpty() ? "" : attrs.get("colour") + " ") + v.objectClass(cls).plural();
        List<String> wrong = new ArrayList<>();
        wrong.add(String.valueOf(n + 1));
        if (n > 0) {
            wrong.add(String.valueOf(n - 1));
        }
        return new Question("How many " + phrase + " are there?", "how many", "number", String.valueOf(n), wrong);
    }

    private Integer unique(SceneFacts f, String cls) {
        List<Integer> xs = f.ofClass(cls);
        return xs.size() == 1 ? xs.get(0) : null;
    }

    private Question colour(SceneFacts f, SplittableRandom r) {
        SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
        if (unique(f, o.className()) == null || o.attribute("colour") == null) {
            return null;
        }
        String c = o.attribute("colour");
        List<String> wrong = new ArrayList<>();
        if (c.equals("gray")) {
            wrong.add("grey");
        }
        for (String x : ontology.spec(o.className()).colours()) {
            if (!x.equals(c)) {
                wrong.add(x);
            }
        }
        if (wrong.isEmpty()) {
            wrong.add(c.equals("black") ? "dark" : "light " + c);
        }
        return new Question("What color is the " + o.className() + "?", "what color is the", "other", c, wrong);
    }

    private Question material(SceneFacts f, SplittableRandom r) {
        SceneObject o = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
        if (unique(f, o.className()) == null || o.attribute("material") == null) {
            return null;
        }
        String m = MATERIAL_NOUN.get(o.attribute("material"));
        List<String> wrong = new ArrayList<>();
        if (!m.equals(o.attribute("material"))) {
            wrong.add(o.attribute("material"));
        }
        for (String x : ontology.spec(o.className()).materials()) {
            if (!MATERIAL_NOUN.get(x).equals(m)) {
                wrong.add(MATERIAL_NOUN.get(x));
            }
        }
        if (wrong.isEmpty()) {
            wrong.add("plastic".equals(m) ? "rubber" : "plastic");
        }
        return new Question("What is the " + o.className() + " made of?", "what is the", "other", m, wrong);
    }

    /** Answers an annotator might give instead of class {@code cls}: a synonym, a hypernym, a class of the same kind. */
    private List<String> classConfusions(String cls) {
        List<String> out = new ArrayList<>();
        for (Vocabulary.Noun n : v.nouns()) {
            if (!n.kind().equals("class") && n.classes().contains(cls)) {
                out.add(n.lemma());
            }
        }
        String sup = v.objectClass(cls).supercategory();
        for (String other : v.supercategories().get(sup)) {
            if (!other.equals(cls) && out.size() < 4) {
                out.add(other);
            }
        }
        return out;
    }

    private Question relationWhat(SceneFacts f, SplittableRandom r) {
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
        String subject = f.cls(rel.subject());
        if (unique(f, subject) == null || f.objectsOf(rel.subject(), rel.predicate()).size() != 1) {
            return null;
        }
        String words = String.join(" ", v.predicate(rel.predicate()).wordings().get(0).participle());
        String type = List.of("man", "woman").contains(subject) ? "what is the " + subject : "what is the";
        String answer = f.cls(rel.object());
        return new Question("What is the " + subject + " " + words + "?", type, "other", answer, classConfusions(answer));
    }

    private Question spatialWhat(SceneFacts f, SplittableRandom r) {
        SceneObject x = f.scene.objects().get(r.nextInt(f.scene.objects().size()));
        if (unique(f, x.className()) == null) {
            return null;
        }
        String p = List.of(BoxGeometry.ON_TOP_OF, BoxGeometry.UNDER, BoxGeometry.NEXT_TO).get(r.nextInt(3));
        List<Integer> subjects = f.subjectsOf(p, x.id());
        if (subjects.size() != 1) {
            return null;
        }
        int a = subjects.get(0);
        boolean attached = false;
        for (SceneRelation rel : f.scene.relations()) {
            if (!BoxGeometry.isSpatial(rel.predicate()) && (rel.subject() == a && rel.object() == x.id() || rel.subject() == x.id() && rel.object() == a)) {
                attached = true;
            }
        }
        if (attached || ontology.spec(f.cls(a)).placement() == Ontology.Placement.WORN) {
            return null;
        }
        String answer = f.cls(a);
        return new Question("What is " + p + " the " + x.className() + "?", "what is", "other", answer, classConfusions(answer));
    }

    private Question relationYesNo(SceneFacts f, SplittableRandom r) {
        List<SceneRelation> rels = f.scene.relations();
        if (rels.isEmpty()) {
            return null;
        }
        SceneRelation rel = rels.get(r.nextInt(rels.size()));
        String s = f.cls(rel.subject()), o = f.cls(rel.object());
        if (unique(f, s) == null || unique(f, o) == null || s.equals(o)) {
            return null;
        }
        String predicate = rel.predicate();
        if (r.nextBoolean()) {
            // Ask about a relation that does not hold between the two.
            List<String> candidates = new ArrayList<>();
            for (Vocabulary.Predicate p : v.predicates()) {
                boolean fits = p.spatial() || p.visual() && ontology.plausible(p.name(), s, o);
                if (fits && !f.holds(rel.subject(), p.name(), rel.object())) {
                    candidates.add(p.name());
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            predicate = candidates.get(r.nextInt(candidates.size()));
        }
        String words = String.join(" ", v.predicate(predicate).wordings().get(0).participle());
        String answer = f.holds(rel.subject(), predicate, rel.object()) ? "yes" : "no";
        return new Question("Is the " + s + " " + words + " the " + o + "?", "is the", "yes/no", answer, List.of(answer.equals("yes") ? "no" : "yes"));
    }
}
