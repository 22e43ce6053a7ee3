package org.unimoj.plugins.qg;

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
import org.unimoj.plugins.qg.data.QgExample;
import org.unimoj.tasks.metrics.caption.CaptionMetrics;
import org.unimoj.tasks.testing.WordText;
import org.unimoj.tasks.testing.ScriptedGenerator;

/** Question generation on SQuAD files in the official layouts (v1.1 train and dev, v2.0) and on the reference TSV. */
class QuestionGenerationTaskTest {

    @TempDir
    Path tmp;

    private Path squad(String... names) throws IOException {
        Path d = tmp.resolve("data/squad");
        Files.createDirectories(d);
        for (String n : names) {
            try (InputStream in = getClass().getResourceAsStream("/squad/" + n)) {
                Files.copy(in, d.resolve(n));
            }
        }
        return tmp.resolve("data");
    }

    /** A tokenizer knowing every word of every string value in the JSON files under {@code dir}. */
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
    private Task<QgExample> open(Path data, WordText text, ReadPolicy policy, Map<String, String> settings) {
        return (Task<QgExample>) new QuestionGenerationPlugin().open("", new TaskContext(data, tmp.resolve("work"), text, settings, policy, 1));
    }

    private static List<QgExample> all(Task<QgExample> t, Split s) throws IOException {
        try (Stream<QgExample> rows = t.read(s)) {
            return rows.toList();
        }
    }

    @Test
    void readsSquadV11TrainAndDev() throws IOException {
        Path data = squad("train-v1.1.json", "dev-v1.1.json");
        WordText text = words(data);
        Task<QgExample> t = open(data, text, ReadPolicy.FAIL, Map.of());
        List<QgExample> train = all(t, Split.TRAIN);
        assertEquals(3, train.size());
        QgExample first = train.get(0);
        assertEquals("5733be284776f4190066117f", first.id());
        assertEquals("a golden statue of the Virgin Mary", first.answer());
        assertEquals(first.answer(), first.paragraph().substring(first.answerStart(), first.answerStart() + first.answer().length()));
        assertEquals("three", train.get(2).answer());
        List<QgExample> dev = all(t, Split.VAL);
        assertEquals(List.of("Denver Broncos", "Carolina Panthers"), dev.stream().map(QgExample::answer).toList());
        DataError noTest = assertThrows(DataError.class, () -> all(t, Split.TEST));
        assertTrue(noTest.getMessage().contains("no such file (the test split"), noTest.getMessage());

        EncodedExample e = t.encode(first);
        ModelInput in = e.inputs().get(0);
        assertEquals(AttentionKind.SEQ2SEQ, in.attention());
        String decoded = text.decode(in.textIds());
        assertTrue(decoded.startsWith("a golden statue of the virgin mary architecturally,"), decoded);
        assertEquals(0, in.textIds()[0]);
        assertEquals(2, in.textIds()[8], "[CLS] the 7 answer words [SEP], then the paragraph");
        int[] target = ((Target.Tokens) e.target()).ids();
        assertEquals(2, target[target.length - 1]);
        assertEquals("what sits on top of the main building at notre dame?", text.decode(target));
    }

    @Test
    void aLongParagraphIsCutToAWindowAroundTheAnswer() throws IOException {
        Path data = squad("train-v1.1.json");
        WordText text = words(data);
        Task<QgExample> t = open(data, text, ReadPolicy.FAIL, Map.of("max_src_len", "16"));
        QgExample copper = all(t, Split.TRAIN).get(1);
        ModelInput in = t.encode(copper).inputs().get(0);
        assertEquals(16, in.textIds().length);
        String decoded = text.decode(in.textIds());
        // [CLS] answer (cut to a quarter of the room: 3) [SEP] window (10) [SEP]: half of the window before the answer, half from it on.
        assertEquals("a copper statue building and facing it, is a copper statue of christ", decoded);
    }

    @Test
    void squadV2UnanswerableQuestionsAreLeftOutAndSaidSo() throws IOException {
        Path data = squad("dev-v2.0.json");
        Task<QgExample> t = open(data, words(data), ReadPolicy.FAIL, Map.of());
        List<QgExample> dev = all(t, Split.VAL);
        assertEquals(1, dev.size());
        assertEquals("France", dev.get(0).answer());
    }

    @Test
    void badQuestionsNameTheirFieldPath() throws IOException {
        Path d = tmp.resolve("bad");
        Files.createDirectories(d);
        Files.writeString(d.resolve("train.json"), "{\"version\": \"1.1\", \"data\": [\n"
                + "{\"title\": \"a\", \"paragraphs\": [{\"context\": \"The cat sat.\", \"qas\": [{\"id\": \"q1\", \"question\": \"Who sat?\", \"answers\": [{\"text\": \"The cat\", \"answer_start\": 0}]}]}]},\n"
                + "{\"title\": \"b\", \"paragraphs\": [{\"context\": \"The dog ran.\", \"qas\": [{\"id\": \"q2\", \"question\": \"Who ran?\", \"answers\": [{\"text\": \"The dog\", \"answer_start\": 3}]}]}]}\n"
                + "]}\n");
        Task<QgExample> t = open(tmp.resolve("bad"), new WordText(List.of("the cat sat")), ReadPolicy.FAIL, Map.of());
        DataError e = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(e.getMessage().endsWith("train.json:3: field 'paragraphs[0].qas[0].answers[0].answer_start': 3 does not point at 'The dog' in the context"),
                e.getMessage());
        Files.writeString(d.resolve("train.json"), "{\"data\": [{\"paragraphs\": [{\"context\": \"x y\", \"qas\": [{\"id\": \"q1\", \"question\": \"\", \"answers\": []}]}]}]}");
        DataError q = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(q.getMessage().endsWith("field 'paragraphs[0].qas[0].question': empty"), q.getMessage());
        Files.writeString(d.resolve("train.json"), "{\"data\": [{\"paragraphs\": [{\"context\": \"x y\", \"qas\": ["
                + "{\"id\": \"q1\", \"question\": \"x?\", \"answers\": [{\"text\": \"x\", \"answer_start\": 0}]},"
                + "{\"id\": \"q1\", \"question\": \"y?\", \"answers\": [{\"text\": \"y\", \"answer_start\": 2}]}]}]}]}");
        DataError dup = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(dup.getMessage().endsWith("field 'paragraphs[0].qas[1].id': duplicate question id 'q1'"), dup.getMessage());

        Task<QgExample> skip = open(tmp.resolve("bad"), new WordText(List.of("x y")), ReadPolicy.SKIP, Map.of());
        assertEquals(List.of(), all(skip, Split.TRAIN));
        assertEquals(1, Files.readAllLines(tmp.resolve("work/quarantine/question-generation-train.jsonl")).size());
    }

    @Test
    void readsTheReferenceTsvAndItsErrors() throws IOException {
        Path d = tmp.resolve("tsv");
        Files.createDirectories(d);
        Files.writeString(d.resolve("dev.tsv"), "src\ttgt\nthere is a red cat . there is a dog . [SEP] red\twhat color is the cat ?\n"
                + "there is a big bus . [SEP] bus\twhat is big ?\nno separator here\twhat ?\n");
        Task<QgExample> t = open(d, new WordText(List.of("there is a red cat dog big bus what color the ?")), ReadPolicy.FAIL, Map.of());
        DataError e = assertThrows(DataError.class, () -> all(t, Split.VAL));
        assertTrue(e.getMessage().endsWith("dev.tsv:4: field 'src': no '[SEP]' between paragraph and answer"), e.getMessage());
        Files.writeString(d.resolve("dev.tsv"), "there is a red cat . there is a dog . [SEP] red\twhat color is the cat ?\n");
        QgExample x = all(t, Split.VAL).get(0);
        assertEquals("red", x.answer());
        assertEquals(11, x.answerStart());
        assertEquals("there is a red cat . there is a dog .", x.paragraph());
    }

    @Test
    void evaluatesBleuMeteorRougeBesideTheAnswerSentence() throws IOException {
        Path data = squad("dev-v1.1.json");
        WordText text = words(data);
        Task<QgExample> t = open(data, text, ReadPolicy.FAIL, Map.of());
        ScriptedGenerator g = new ScriptedGenerator(text, s -> s.startsWith("denver") ? "which nfl team represented the afc at super bowl 50?" : "who lost?");
        MetricReport r = t.evaluate(Split.VAL, g);
        assertEquals(List.of("BLEU-4", "METEOR", "ROUGE-L", "baseline_answer_sentence_BLEU-4", "baseline_answer_sentence_METEOR",
                "baseline_answer_sentence_ROUGE-L"), List.copyOf(r.values().keySet()));
        Map<String, List<String>> refs = Map.of("a", List.of("Which NFL team represented the AFC at Super Bowl 50?"),
                "b", List.of("Which NFL team represented the NFC at Super Bowl 50?"));
        double expected = CaptionMetrics.standard().evaluate(refs, Map.of("a", "which nfl team represented the afc at super bowl 50?", "b", "who lost?"))
                .get("ROUGE-L");
        assertEquals(expected, r.get("ROUGE-L"), 1e-12);
        String sentence = "The American Football Conference (AFC) champion Denver Broncos defeated the National Football Conference (NFC) champion "
                + "Carolina Panthers 24-10 to earn their third Super Bowl title.";
        double baseline = CaptionMetrics.standard().evaluate(refs, Map.of("a", sentence, "b", sentence)).get("ROUGE-L");
        assertEquals(baseline, r.get("baseline_answer_sentence_ROUGE-L"), 1e-12, "both answers sit in the second sentence");
        Path out = t.writeResults(Split.VAL, g, tmp.resolve("results"));
        assertEquals("{\n  \"56be4db0acb8001400a502ec\" : \"which nfl team represented the afc at super bowl 50?\",\n"
                + "  \"56be4db0acb8001400a502ed\" : \"who lost?\"\n}", Files.readString(out));
    }

    @Test
    void answerSentenceIsTheSentenceHoldingTheAnswer() {
        String p = "there is a red cat . the dog is brown . it sleeps .";
        assertEquals("the dog is brown .", AnswerSentence.of(p, p.indexOf("brown")));
        assertEquals("there is a red cat .", AnswerSentence.of(p, -1));
        assertEquals("it sleeps .", AnswerSentence.of(p, p.indexOf("sleeps")));
    }
}
