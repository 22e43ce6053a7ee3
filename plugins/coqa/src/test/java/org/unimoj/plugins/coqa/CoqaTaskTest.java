package org.unimoj.plugins.coqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.io.DataError;
import org.unimoj.plugins.coqa.data.CoqaTurn;
import org.unimoj.tasks.testing.WordText;
import org.unimoj.tasks.testing.ScriptedGenerator;

/** CoQA on files in the official layout (train without, dev with additional answers), scored through a scripted generator. */
class CoqaTaskTest {

    @TempDir
    Path tmp;

    private Path data() throws IOException {
        Path d = tmp.resolve("data/coqa");
        Files.createDirectories(d);
        for (String n : List.of("coqa-train-v1.0.json", "coqa-dev-v1.0.json")) {
            try (InputStream in = getClass().getResourceAsStream("/coqa/" + n)) {
                Files.copy(in, d.resolve(n));
            }
        }
        return tmp.resolve("data");
    }

    private static WordText words(Path dir) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                collect(new ObjectMapper().readTree(f.toFile()), all);
            }
        }
        return new WordText(all);
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.textValue());
        }
        n.forEach(c -> collect(c, out));
    }

    @SuppressWarnings("unchecked")
    private Task<CoqaTurn> open(Path data, WordText text, ReadPolicy policy, Map<String, String> settings) {
        return (Task<CoqaTurn>) new CoqaPlugin().open("", new TaskContext(data, tmp.resolve("work"), text, settings, policy, 1));
    }

    private static List<CoqaTurn> all(Task<CoqaTurn> t, Split s) throws IOException {
        try (Stream<CoqaTurn> rows = t.read(s)) {
            return rows.toList();
        }
    }

    @Test
    void readsDialoguesWithTheirHistoryAndEveryGoldAnswer() throws IOException {
        Path data = data();
        WordText text = words(data);
        Task<CoqaTurn> t = open(data, text, ReadPolicy.FAIL, Map.of());
        List<CoqaTurn> train = all(t, Split.TRAIN);
        assertEquals(4, train.size());
        CoqaTurn third = train.get(2);
        assertEquals("s1#3", third.id());
        assertEquals(List.of(new CoqaTurn.Exchange("What sat next to the door?", "the dog"), new CoqaTurn.Exchange("What color was it?", "red")),
                third.history());
        assertEquals(List.of("a boy"), third.golds());
        List<CoqaTurn> dev = all(t, Split.VAL);
        assertEquals(List.of("in a barn", "in a barn", "above the barn where the horses slept", "a barn near a farm house"), dev.get(1).golds());
        DataError test = assertThrows(DataError.class, () -> all(t, Split.TEST));
        assertTrue(test.getMessage().contains("CoQA's own test set is not public"), test.getMessage());
    }

    @Test
    void encodesStoryHistoryAndQuestion() throws IOException {
        Path data = data();
        WordText text = words(data);
        Task<CoqaTurn> t = open(data, text, ReadPolicy.FAIL, Map.of());
        CoqaTurn third = all(t, Split.TRAIN).get(2);
        EncodedExample e = t.encode(third);
        ModelInput in = e.inputs().get(0);
        assertEquals(AttentionKind.SEQ2SEQ, in.attention());
        assertEquals("the dog sat next to the red door. a boy in a blue hat came and gave the dog a bone. what sat next to the door? the dog "
                + "what color was it? red who gave the dog a bone?", text.decode(in.textIds()));
        assertEquals(6, java.util.Arrays.stream(in.textIds()).filter(i -> i == 2).count(), "[SEP] after the story, each of the two earlier questions and answers, and the question");
        assertEquals("a boy", text.decode(((Target.Tokens) e.target()).ids()));

        Task<CoqaTurn> small = open(data, text, ReadPolicy.FAIL, Map.of("max_src_len", "24"));
        int[] cut = small.encode(third).inputs().get(0).textIds();
        // 24 ids: the question (6 words, within a quarter) and [CLS] + 2 [SEP]s leave 15; the last turn takes 7 of them (at most
        // half), the story the other 8, from its start; the turn before the last no longer fits.
        assertEquals(24, cut.length);
        assertEquals("the dog sat next to the red door. what color was it? red who gave the dog a bone?", text.decode(cut));
    }

    @Test
    void scoresTheOfficialF1BesideTheMajorityAnswer() throws IOException {
        Path data = data();
        WordText text = words(data);
        Task<CoqaTurn> t = open(data, text, ReadPolicy.FAIL, Map.of());
        ScriptedGenerator g = new ScriptedGenerator(text, s -> s.endsWith("color was cotton?") ? "white" : s.endsWith("did she live?") ? "above the barn" : "yes");
        MetricReport r = t.evaluate(Split.VAL, g);
        // The official evaluate-v1.0.py on these answers: turn F1s 1.0, 0.5535714285714286 (leave-one-out over four golds), 0.0.
        assertEquals(0.5178571428571429, r.get("F1"), 1e-12);
        // The three first answers (white, in a barn, no) are tied; the first in sort order, "in barn", scores 1/3.
        assertEquals(0.3333333333333333, r.get("baseline_majority_answer_F1"), 1e-12);
        assertEquals(3, r.count());
        Path out = t.writeResults(Split.VAL, g, tmp.resolve("results"));
        JsonNode preds = new ObjectMapper().readTree(out.toFile());
        assertEquals(3, preds.size());
        assertEquals("3dr23u6we5exclen4th8uq9rb42tel", preds.get(1).get("id").textValue());
        assertEquals(2, preds.get(1).get("turn_id").intValue());
        assertEquals("above the barn", preds.get(1).get("answer").textValue());
    }

    @Test
    void badStoriesNameTheTurn() throws IOException {
        Path d = tmp.resolve("bad");
        Files.createDirectories(d);
        Files.writeString(d.resolve("coqa-train-v1.0.json"), "{\"version\": \"1.0\", \"data\": [\n"
                + "{\"id\": \"a\", \"story\": \"x y\", \"questions\": [{\"input_text\": \"x?\", \"turn_id\": 1}, {\"input_text\": \"y?\", \"turn_id\": 2}],\n"
                + " \"answers\": [{\"input_text\": \"x\", \"turn_id\": 1}, {\"input_text\": \"y\", \"turn_id\": 3}]}]}\n");
        Task<CoqaTurn> t = open(tmp.resolve("bad"), new WordText(List.of("x y")), ReadPolicy.FAIL, Map.of());
        DataError e = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(e.getMessage().endsWith("coqa-train-v1.0.json:2: field 'answers[1].turn_id': is 3, the question's is 2"), e.getMessage());
        Files.writeString(d.resolve("coqa-train-v1.0.json"), "{\"data\": [{\"id\": \"a\", \"story\": \"x\", \"questions\": [{\"input_text\": \"x?\", \"turn_id\": 1}],"
                + " \"answers\": []}]}");
        DataError n = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(n.getMessage().endsWith("field 'answers': 0 answers for 1 questions"), n.getMessage());
        Files.writeString(d.resolve("coqa-train-v1.0.json"), "{\"data\": [{\"id\": \"a\", \"story\": \"x\", \"questions\": [{\"input_text\": \"x?\", \"turn_id\": 1}],"
                + " \"answers\": [{\"input_text\": \"\", \"turn_id\": 1}]}, {\"id\": \"b\", \"story\": \"y\", \"questions\": [{\"input_text\": \"y?\", \"turn_id\": 1}],"
                + " \"answers\": [{\"input_text\": \"y\", \"turn_id\": 1}]}]}");
        DataError empty = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(empty.getMessage().endsWith("field 'answers[0].input_text': empty"), empty.getMessage());
        Task<CoqaTurn> skip = open(tmp.resolve("bad"), new WordText(List.of("x y")), ReadPolicy.SKIP, Map.of());
        assertEquals(List.of("b#1"), all(skip, Split.TRAIN).stream().map(CoqaTurn::id).toList());
        assertEquals(1, Files.readAllLines(tmp.resolve("work/quarantine/coqa-train.jsonl")).size());
    }
}
