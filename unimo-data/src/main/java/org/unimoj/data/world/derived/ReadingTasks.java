package org.unimoj.data.world.derived;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.data.scene.BoxGeometry;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.language.CaptionPlanner;
import org.unimoj.data.world.language.Describer;

/**
 * Reading-comprehension data from scenes that are not among the images: a story (the scene told
 * in plain sentences), then
 * <ul>
 *   <li>question generation in the SQuAD way: an answer span of the story and the question it
 *       answers ("what color is the horse ?" -> "brown");</li>
 *   <li>a CoQA-style dialogue: questions that refer back to earlier turns ("is there a horse ?"
 *       "yes" "what color is it ?" "brown"), so answering needs the history, with free-form
 *       answers and the sentence that supports each as its rationale.</li>
 * </ul>
 * Every answer is read off the scene graph; a question names an object by its class only when
 * exactly one object of the scene has that class, and asks "what is the X riding ?" only when the
 * story says X rides one thing, so every question has one answer.
 */
public final class ReadingTasks {

    private static final Vocabulary V = Vocabulary.WORLD;
    /** Attribute families that questions ask about, with the question's wording for "the X" and for "it". */
    private static final List<String[]> ATTRIBUTE_QUESTIONS = List.of(
            new String[] {"colour", "what color is the %s ?", "what color is it ?"},
            new String[] {"material", "what is the %s made of ?", "what is it made of ?"},
            new String[] {"size", "how big is the %s ?", "how big is it ?"},
            new String[] {"pattern", "what pattern does the %s have ?", "what pattern does it have ?"});

    /** A character span of the story. */
    public record Span(int start, int end) {}

    /**
     * A scene told in sentences, with where things are said: each object's "there is" sentence and
     * its adjectives, and each stated or spatial relation's sentence and noun phrases.
     */
    public record Story(String text, Span opening, Span settingWord, Map<Integer, Span> objectSentence,
                        Map<Integer, Map<String, Span>> adjectives, List<Told> relations) {}

    /** A relation as the story tells it: its sentence and the spans of its subject and object noun phrases. */
    public record Told(SceneRelation relation, Span sentence, Span subject, Span object) {}

    /** A SQuAD-style question: its answer is {@code context.substring(answerStart, answerStart + answer.length())}. */
    public record Question(String question, String answer, int answerStart) {}

    /** One dialogue turn: question, free-form answer, rationale span, and other acceptable wordings of the answer. */
    public record Turn(String question, String answer, Span rationale, List<String> alternatives) {}

    /** The story of {@code scene}: an opening about the setting, then the objects and relations in a shuffled order. */
    public Story story(ImageScene scene, SplittableRandom r) {
        List<SceneObject> objects = scene.objects();
        String[] np = new String[objects.size()];
        List<List<String>> adjs = new ArrayList<>();
        for (SceneObject o : objects) {
            List<String> a = new ArrayList<>();
            for (String fam : Describer.FAMILY_ORDER) {
                if (o.attribute(fam) != null) {
                    a.add(o.attribute(fam));
                }
            }
            adjs.add(a);
            np[o.id()] = String.join(" ", a) + (a.isEmpty() ? "" : " ") + o.className();
        }
        // Sentence plans: an object (index >= 0) or a relation (index < 0: -1 - position in relations).
        List<SceneRelation> relations = new ArrayList<>();
        for (SceneRelation rel : scene.relations()) {
            if (!BoxGeometry.isSpatial(rel.predicate())) {
                relations.add(rel);
            }
        }
        int spatial = 0;
        for (CaptionPlanner.ObjectFact f : CaptionPlanner.objectFacts(scene)) {
            if (BoxGeometry.isSpatial(f.predicate()) && spatial < 3 && r.nextBoolean()) {
                relations.add(new SceneRelation(f.subject(), f.predicate(), f.object()));
                spatial++;
            }
        }
        List<Integer> plan = new ArrayList<>();
        for (SceneObject o : objects) {
            plan.add(o.id());
        }
        for (int i = 0; i < relations.size(); i++) {
            plan.add(-1 - i);
        }
        for (int i = plan.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = plan.get(i);
            plan.set(i, plan.get(j));
            plan.set(j, t);
        }
        StringBuilder sb = new StringBuilder();
        String setting = scene.setting();
        sb.append("this picture shows a ");
        Span settingWord = new Span(sb.length(), sb.length() + setting.length());
        sb.append(setting).append(" scene .");
        Span opening = new Span(0, sb.length());
        Map<Integer, Span> objectSentence = new HashMap<>();
        Map<Integer, Map<String, Span>> adjectives = new HashMap<>();
        List<Told> told = new ArrayList<>();
        for (int p : plan) {
            sb.append(' ');
            int start = sb.length();
            if (p >= 0) {
                SceneObject o = objects.get(p);
                sb.append("there is ").append(article(np[p])).append(' ');
                Map<String, Span> at = new HashMap<>();
                for (String fam : Describer.FAMILY_ORDER) {
                    String v = o.attribute(fam);
                    if (v != null) {
                        at.put(fam, new Span(sb.length(), sb.length() + v.length()));
                        sb.append(v).append(' ');
                    }
                }
                sb.append(o.className()).append(" .");
                objectSentence.put(p, new Span(start, sb.length()));
                adjectives.put(p, at);
            } else {
                SceneRelation rel = relations.get(-1 - p);
                int s0 = sb.length();
                sb.append("the ").append(np[rel.subject()]);
                Span subject = new Span(s0, sb.length());
                sb.append(" is ").append(participle(rel.predicate())).append(' ');
                int o0 = sb.length();
                sb.append("the ").append(np[rel.object()]);
                Span object = new Span(o0, sb.length());
                sb.append(" .");
                told.add(new Told(rel, new Span(start, sb.length()), subject, object));
            }
        }
        return new Story(sb.toString(), opening, settingWord, objectSentence, adjectives, told);
    }

    private static String article(String np) {
        return "aeiou".indexOf(np.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String participle(String predicate) {
        return String.join(" ", V.predicate(predicate).wordings().get(0).participle());
    }

    private static boolean person(String cls) {
        return V.objectClass(cls).supercategory().equals("person");
    }

    /** Objects whose class no other object of the scene has: "the CLASS" names them. */
    private static boolean[] uniqueClass(ImageScene scene) {
        Map<String, Integer> counts = new HashMap<>();
        scene.objects().forEach(o -> counts.merge(o.className(), 1, Integer::sum));
        boolean[] out = new boolean[scene.objects().size()];
        for (SceneObject o : scene.objects()) {
            out[o.id()] = counts.get(o.className()) == 1;
        }
        return out;
    }

    /**
     * How often the story tells each (subject, predicate) and (predicate, object): a question "what
     * is the X riding ?" has one answer only if X is the subject of one "riding" sentence.
     */
    private static Map<String, Integer> relationCounts(Story story) {
        Map<String, Integer> counts = new HashMap<>();
        for (Told t : story.relations()) {
            counts.merge("s" + t.relation().subject() + "/" + t.relation().predicate(), 1, Integer::sum);
            counts.merge("o" + t.relation().object() + "/" + t.relation().predicate(), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean onlyAsSubject(Map<String, Integer> counts, SceneRelation rel) {
        return counts.get("s" + rel.subject() + "/" + rel.predicate()) == 1;
    }

    private static boolean onlyAsObject(Map<String, Integer> counts, SceneRelation rel) {
        return counts.get("o" + rel.object() + "/" + rel.predicate()) == 1;
    }

    /** Up to {@code max} questions about the story, each with its answer span, in a random order of kinds. */
    public List<Question> questions(ImageScene scene, Story story, SplittableRandom r, int max) {
        boolean[] unique = uniqueClass(scene);
        List<Question> candidates = new ArrayList<>();
        String text = story.text();
        for (SceneObject o : scene.objects()) {
            if (!unique[o.id()]) {
                continue;
            }
            for (String[] q : ATTRIBUTE_QUESTIONS) {
                Span s = story.adjectives().get(o.id()).get(q[0]);
                if (s != null) {
                    candidates.add(new Question(String.format(q[1], o.className()), text.substring(s.start(), s.end()), s.start()));
                }
            }
        }
        Map<String, Integer> counts = relationCounts(story);
        for (Told t : story.relations()) {
            SceneRelation rel = t.relation();
            String subj = scene.objects().get(rel.subject()).className();
            String obj = scene.objects().get(rel.object()).className();
            if (unique[rel.subject()] && onlyAsSubject(counts, rel)) {
                candidates.add(new Question("what is the " + subj + " " + participle(rel.predicate()) + " ?",
                        text.substring(t.object().start(), t.object().end()), t.object().start()));
            }
            if (unique[rel.object()] && onlyAsObject(counts, rel)) {
                candidates.add(new Question((person(subj) ? "who" : "what") + " is " + participle(rel.predicate()) + " the " + obj + " ?",
                        text.substring(t.subject().start(), t.subject().end()), t.subject().start()));
            }
        }
        candidates.add(new Question("where was this picture taken ?", scene.setting(), story.settingWord().start()));
        List<Question> out = new ArrayList<>();
        while (out.size() < max && !candidates.isEmpty()) {
            out.add(candidates.remove(r.nextInt(candidates.size())));
        }
        return out;
    }

    /**
     * A dialogue of up to ten turns about the story: "is there a X ?" about an object (or, now and
     * then, a class the scene lacks: "no"), then up to two follow-ups about "it" (an attribute, what
     * it is doing or what is done to it), then the next object.
     */
    public List<Turn> dialogue(ImageScene scene, Story story, SplittableRandom r) {
        boolean[] unique = uniqueClass(scene);
        List<Integer> focus = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            if (unique[o.id()]) {
                focus.add(o.id());
            }
        }
        for (int i = focus.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = focus.get(i);
            focus.set(i, focus.get(j));
            focus.set(j, t);
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        scene.objects().forEach(o -> present.add(o.className()));
        List<Turn> turns = new ArrayList<>();
        String text = story.text();
        Map<String, Integer> counts = relationCounts(story);
        for (int f = 0; f < focus.size() && turns.size() < 7; f++) {
            if (r.nextInt(4) == 0) {
                List<Vocabulary.ObjectClass> classes = V.classes();
                String absent = classes.get(r.nextInt(classes.size())).name();
                if (!present.contains(absent)) {
                    turns.add(new Turn("is there " + article(absent) + " " + absent + " ?", "no", story.opening(), List.of("no", "no", "no there is not")));
                }
            }
            int id = focus.get(f);
            SceneObject o = scene.objects().get(id);
            Span sentence = story.objectSentence().get(id);
            turns.add(new Turn("is there " + article(o.className()) + " " + o.className() + " ?", "yes", sentence,
                    List.of("yes", "yes there is", "yes")));
            List<Turn> followUps = new ArrayList<>();
            for (String[] q : ATTRIBUTE_QUESTIONS) {
                Span s = story.adjectives().get(id).get(q[0]);
                if (s != null) {
                    String v = text.substring(s.start(), s.end());
                    followUps.add(new Turn(q[2], v, sentence, List.of(v, "it is " + v, v)));
                }
            }
            for (Told t : story.relations()) {
                SceneRelation rel = t.relation();
                String p = participle(rel.predicate());
                if (rel.subject() == id && onlyAsSubject(counts, rel)) {
                    String a = text.substring(t.object().start(), t.object().end());
                    String bare = scene.objects().get(rel.object()).className();
                    followUps.add(new Turn("what is it " + p + " ?", a, t.sentence(), List.of(a, "the " + bare, "it is " + p + " " + a)));
                } else if (rel.object() == id && onlyAsObject(counts, rel)) {
                    String a = text.substring(t.subject().start(), t.subject().end());
                    String bare = scene.objects().get(rel.subject()).className();
                    String who = person(bare) ? "who" : "what";
                    followUps.add(new Turn(who + " is " + p + " it ?", a, t.sentence(), List.of(a, "the " + bare, a)));
                }
            }
            for (int k = 0; k < 2 && !followUps.isEmpty(); k++) {
                turns.add(followUps.remove(r.nextInt(followUps.size())));
            }
        }
        if (turns.isEmpty()) {
            // A scene whose every class repeats: ask about the setting only.
            turns.add(new Turn("where was this picture taken ?", scene.setting(), story.opening(), List.of(scene.setting(), "in a " + scene.setting(),
                    scene.setting())));
        }
        return turns;
    }
}
