package org.unimoj.data.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unimoj.data.scene.Vocabulary;

/**
 * The world's question-generation (SQuAD JSON) and CoQA (official JSON) files read back and every
 * answer checked against its story with patterns written here, independently of the builder:
 * an attribute is an adjective of the one object of that class, a relation's answer is the noun
 * phrase on the other side of the sentence that states it, "it" is the object the dialogue last
 * asked about.
 */
class ReadingTasksTest {

    static Path dir;
    static WorldLayout layout;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Vocabulary V = Vocabulary.WORLD;
    static final Map<String, String> FAMILY = Map.of("what color is", "colour", "what is", "material", "how big is", "size", "what pattern does",
            "pattern");

    @BeforeAll
    static void generate() throws IOException {
        dir = Files.createTempDirectory("world-reading");
        SmallWorld.generate(SmallWorld.spec(5, 120), dir);
        layout = new WorldLayout(dir);
    }

    @AfterAll
    static void clean() {
        SmallWorld.delete(dir);
    }

    /** The sentences of a story ("... ."), without their full stop. */
    static List<String> sentences(String story) {
        return List.of(story.split(" \\. ?"));
    }

    /** The adjectives of the one "there is" sentence whose noun is {@code cls}, or null when there is none (fails if several). */
    static List<String> adjectivesOf(String story, String cls) {
        List<String> found = null;
        for (String s : sentences(story)) {
            Matcher m = Pattern.compile("^there is an? ((?:[a-z]+ )*)" + Pattern.quote(cls) + "$").matcher(s);
            if (m.matches()) {
                if (found != null) {
                    fail("two '" + cls + "' objects in a story a question names it in: " + story);
                }
                found = m.group(1).isBlank() ? List.of() : List.of(m.group(1).trim().split(" "));
            }
        }
        return found;
    }

    /** How many sentences of the story match {@code sentenceRegex} as a whole. */
    static int count(String story, String sentenceRegex) {
        return (int) sentences(story).stream().filter(x -> x.matches(sentenceRegex)).count();
    }

    static String family(String adjective) {
        for (Map.Entry<String, List<String>> e : V.families().entrySet()) {
            if (e.getValue().contains(adjective)) {
                return e.getKey();
            }
        }
        return null;
    }

    static final Pattern ATTRIBUTE_Q = Pattern.compile("^(what color is|what is|how big is|what pattern does) the ([a-z]+) (?:made of |have )?\\?$");
    static final Pattern SUBJECT_Q = Pattern.compile("^what is the ([a-z]+) ([a-z ]+) \\?$");
    static final Pattern OBJECT_Q = Pattern.compile("^(?:who|what) is ([a-z ]+) the ([a-z]+) \\?$");

    @Test
    void everyQuestionGenerationAnswerIsInItsStoryAndAnswersTheQuestion() throws IOException {
        int questions = 0;
        Set<String> ids = new HashSet<>();
        for (String part : List.of("train", "dev", "test")) {
            JsonNode root = JSON.readTree(layout.questionGeneration(part).toFile());
            assertEquals("1.1", root.get("version").asText());
            for (JsonNode article : root.get("data")) {
                for (JsonNode p : article.get("paragraphs")) {
                    String context = p.get("context").asText();
                    assertTrue(context.startsWith("this picture shows a "), context);
                    for (JsonNode qa : p.get("qas")) {
                        assertTrue(ids.add(qa.get("id").asText()), "duplicate id " + qa.get("id"));
                        String q = qa.get("question").asText();
                        String a = qa.get("answers").get(0).get("text").asText();
                        int start = qa.get("answers").get(0).get("answer_start").asInt();
                        assertEquals(a, context.substring(start, start + a.length()), "answer_start of " + qa);
                        checkQuestion(context, q, a);
                        questions++;
                    }
                }
            }
        }
        assertTrue(questions >= 40, "questions: " + questions);
    }

    private static void checkQuestion(String story, String q, String a) {
        Matcher m = ATTRIBUTE_Q.matcher(q);
        if (m.matches() && !(m.group(1).equals("what is") && !q.endsWith(" made of ?"))) {
            List<String> adjs = adjectivesOf(story, m.group(2));
            assertTrue(adjs != null && adjs.contains(a), q + " -> " + a + " in: " + story);
            assertEquals(FAMILY.get(m.group(1)), family(a), q + " -> " + a);
            return;
        }
        if (q.equals("where was this picture taken ?")) {
            assertTrue(story.startsWith("this picture shows a " + a + " scene ."), story);
            return;
        }
        Matcher s = SUBJECT_Q.matcher(q);
        if (s.matches()) {
            // "the [adjectives] SUBJ is PREDICATE ANSWER .", and no other sentence says what SUBJ is PREDICATE.
            assertTrue(Pattern.compile("(^|\\. )the (?:[a-z]+ )*" + s.group(1) + " is " + Pattern.quote(s.group(2)) + " " + Pattern.quote(a) + " \\.")
                    .matcher(story).find(), q + " -> " + a + " in: " + story);
            assertEquals(1, count(story, "the (?:[a-z]+ )*" + s.group(1) + " is " + Pattern.quote(s.group(2)) + " the [a-z ]+"),
                    "one answer to " + q + " in: " + story);
            return;
        }
        Matcher o = OBJECT_Q.matcher(q);
        if (o.matches()) {
            assertTrue(Pattern.compile("(^|\\. )" + Pattern.quote(a) + " is " + Pattern.quote(o.group(1)) + " the (?:[a-z]+ )*" + o.group(2) + " \\.")
                    .matcher(story).find(), q + " -> " + a + " in: " + story);
            assertEquals(1, count(story, "the [a-z ]+ is " + Pattern.quote(o.group(1)) + " the (?:[a-z]+ )*" + o.group(2)),
                    "one answer to " + q + " in: " + story);
            return;
        }
        fail("a question of no known kind: " + q);
    }

    @Test
    void everyCoqaAnswerFollowsFromTheStoryAndTheDialogue() throws IOException {
        int turns = 0;
        int pronouns = 0;
        for (String part : List.of("train", "dev", "test")) {
            JsonNode root = JSON.readTree(layout.coqa(part).toFile());
            assertEquals("1.0", root.get("version").asText());
            for (JsonNode s : root.get("data")) {
                String story = s.get("story").asText();
                JsonNode qs = s.get("questions");
                JsonNode as = s.get("answers");
                assertEquals(qs.size(), as.size());
                if (part.equals("train")) {
                    assertNull(s.get("additional_answers"), "train has no additional answers, as CoQA's");
                } else {
                    assertEquals(3, s.get("additional_answers").size());
                    s.get("additional_answers").forEach(set -> assertEquals(qs.size(), set.size()));
                }
                String focus = null;
                for (int i = 0; i < qs.size(); i++) {
                    assertEquals(i + 1, qs.get(i).get("turn_id").asInt());
                    assertEquals(i + 1, as.get(i).get("turn_id").asInt());
                    String q = qs.get(i).get("input_text").asText();
                    String a = as.get(i).get("input_text").asText();
                    int from = as.get(i).get("span_start").asInt();
                    int to = as.get(i).get("span_end").asInt();
                    assertEquals(story.substring(from, to), as.get(i).get("span_text").asText());
                    Matcher there = Pattern.compile("^is there an? ([a-z]+) \\?$").matcher(q);
                    if (there.matches()) {
                        List<String> adjs = adjectivesOf(story, there.group(1));
                        assertEquals(adjs != null ? "yes" : "no", a, q + " in: " + story);
                        focus = adjs != null ? there.group(1) : null;
                    } else if (q.endsWith(" it ?") || q.contains(" it ")) {
                        assertTrue(focus != null, "'it' with nothing to refer to: " + q + " in " + s.get("id"));
                        checkFollowUp(story, focus, q, a);
                        pronouns++;
                    } else {
                        assertEquals("where was this picture taken ?", q);
                        assertTrue(story.startsWith("this picture shows a " + a + " scene ."));
                    }
                    turns++;
                }
            }
        }
        assertTrue(turns >= 40, "turns: " + turns);
        assertTrue(pronouns >= 10, "follow-ups about 'it': " + pronouns);
    }

    private static void checkFollowUp(String story, String focus, String q, String a) {
        for (Map.Entry<String, String> e : Map.of("what color is it ?", "colour", "what is it made of ?", "material", "how big is it ?", "size",
                "what pattern does it have ?", "pattern").entrySet()) {
            if (q.equals(e.getKey())) {
                assertTrue(adjectivesOf(story, focus).contains(a), q + " (" + focus + ") -> " + a + " in: " + story);
                assertEquals(e.getValue(), family(a));
                return;
            }
        }
        Matcher doing = Pattern.compile("^what is it ([a-z ]+) \\?$").matcher(q);
        if (doing.matches()) {
            assertTrue(Pattern.compile("(^|\\. )the (?:[a-z]+ )*" + focus + " is " + Pattern.quote(doing.group(1)) + " " + Pattern.quote(a) + " \\.")
                    .matcher(story).find(), q + " (" + focus + ") -> " + a + " in: " + story);
            assertEquals(1, count(story, "the (?:[a-z]+ )*" + focus + " is " + Pattern.quote(doing.group(1)) + " the [a-z ]+"),
                    "one answer to " + q + " (" + focus + ") in: " + story);
            return;
        }
        Matcher done = Pattern.compile("^(?:who|what) is ([a-z ]+) it \\?$").matcher(q);
        if (done.matches()) {
            assertTrue(Pattern.compile("(^|\\. )" + Pattern.quote(a) + " is " + Pattern.quote(done.group(1)) + " the (?:[a-z]+ )*" + focus + " \\.")
                    .matcher(story).find(), q + " (" + focus + ") -> " + a + " in: " + story);
            assertEquals(1, count(story, "the [a-z ]+ is " + Pattern.quote(done.group(1)) + " the (?:[a-z]+ )*" + focus),
                    "one answer to " + q + " (" + focus + ") in: " + story);
            return;
        }
        assertFalse(true, "a follow-up of no known kind: " + q);
    }
}
