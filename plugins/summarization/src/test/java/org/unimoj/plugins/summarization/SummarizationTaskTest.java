package org.unimoj.plugins.summarization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.io.DataError;
import org.unimoj.tasks.metrics.rouge.RougeScorer;
import org.unimoj.tasks.testing.WordText;
import org.unimoj.tasks.testing.ScriptedGenerator;

/** The summarization task on small src/tgt TSV files (world layout, CNN/DM folder, token ids), scored through a scripted generator. */
class SummarizationTaskTest {

    static final String TRAIN = "src\ttgt\n"
            + "this picture shows a park scene . there is a brown horse . the man is riding the brown horse . there is a man .\tthe man is riding a horse\n"
            + "this picture shows a street scene . there is a red bus . there is a dog . the dog is chasing the cat . there is a cat .\tthe dog is chasing a cat\n";
    static final String DEV = "src\ttgt\n"
            + "this picture shows a zoo scene . the boy is looking at the giraffe . there is a boy . there is a giraffe .\tthe boy is looking at a giraffe\n"
            + "this picture shows a beach scene . there is a kite . the girl is playing with the kite . there is a girl .\tthe girl is playing with a kite\n"
            + "this picture shows a farm scene . there is a cow . the man is walking the cow . there is a man .\tthe man is walking a cow\n";

    @TempDir
    Path tmp;

    WordText text = new WordText(List.of(TRAIN, DEV));

    private Path world() throws IOException {
        Path d = tmp.resolve("world/summarization");
        Files.createDirectories(d);
        Files.writeString(d.resolve("train.tsv"), TRAIN);
        Files.writeString(d.resolve("dev.tsv"), DEV);
        return tmp.resolve("world");
    }

    @SuppressWarnings("unchecked")
    private Task<SourceTarget> open(String subtask, Path data, ReadPolicy policy, Map<String, String> settings) {
        return (Task<SourceTarget>) new SummarizationPlugin().open(subtask, new TaskContext(data, tmp.resolve("work"), text, settings, policy, 3));
    }

    private static List<SourceTarget> all(Task<SourceTarget> t, Split s) throws IOException {
        try (Stream<SourceTarget> rows = t.read(s)) {
            return rows.toList();
        }
    }

    @Test
    void readsAWorldsSummarizationSetAndEncodesSeq2Seq() throws IOException {
        Task<SourceTarget> t = open("cnndm", world(), ReadPolicy.FAIL, Map.of());
        assertEquals("summarization/cnndm", t.name());
        List<SourceTarget> train = all(t, Split.TRAIN);
        assertEquals(2, train.size());
        assertEquals("the dog is chasing a cat", train.get(1).target());
        assertEquals(new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0.1f, new GenerationSettings(5, 0.6, 1, 32, true)), t.head());
        EncodedExample e = t.encode(train.get(0));
        ModelInput in = e.inputs().get(0);
        assertEquals(AttentionKind.SEQ2SEQ, in.attention());
        assertEquals(in.textIds().length, in.sourceLength(), "the source alone; the engine appends the target");
        assertEquals(0, in.textIds()[0]);
        assertEquals(2, in.textIds()[in.textIds().length - 1]);
        assertEquals(text.decode(in.textIds()), train.get(0).source());
        int[] target = ((Target.Tokens) e.target()).ids();
        assertEquals(2, target[target.length - 1], "the target ends with [SEP]");
        assertEquals("the man is riding a horse", text.decode(target));
        DataError noTest = assertThrows(DataError.class, () -> all(t, Split.TEST));
        assertTrue(noTest.getMessage().contains("test.tsv: no such file (the test split of summarization/cnndm)"), noTest.getMessage());
    }

    @Test
    void lengthsFollowTheSettings() throws IOException {
        Task<SourceTarget> t = open("gigaword", world(), ReadPolicy.FAIL, Map.of("max_text_length", "16", "gigaword.max_tgt_len", "4"));
        EncodedExample e = t.encode(all(t, Split.TRAIN).get(0));
        assertEquals(12, e.inputs().get(0).textIds().length, "source = 16 - 4 ids");
        assertArrayEquals(new int[] {text.id("the"), text.id("man"), text.id("is"), 2}, ((Target.Tokens) e.target()).ids());
        GenerationSettings g = ((HeadSpec.Generate) t.head()).decoding();
        assertEquals(4, g.maxLength());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> open("cnndm", tmp, ReadPolicy.FAIL, Map.of("beam_size", "0")));
        assertTrue(bad.getMessage().contains("beam_size"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open("xsum", tmp, ReadPolicy.FAIL, Map.of()));
    }

    @Test
    void evaluatesRougeBesideTheLeadBaseline() throws IOException {
        Task<SourceTarget> t = open("cnndm", world(), ReadPolicy.FAIL, Map.of());
        // The scripted summary is right for the zoo and beach rows and empty-handed ("nothing") for the farm row.
        ScriptedGenerator g = new ScriptedGenerator(text, s -> s.contains("giraffe") ? "the boy is looking at a giraffe"
                : s.contains("kite") ? "the girl is playing with a kite" : "nothing");
        MetricReport r = t.evaluate(Split.VAL, g);
        assertEquals(List.of("ROUGE-1", "ROUGE-2", "ROUGE-L", "baseline_lead1_ROUGE-1", "baseline_lead1_ROUGE-2", "baseline_lead1_ROUGE-L"),
                List.copyOf(r.values().keySet()));
        assertEquals(2.0 / 3, r.get("ROUGE-1"), 1e-12);
        assertEquals(2.0 / 3, r.get("ROUGE-L"), 1e-12);
        assertEquals(3, r.count());
        List<String> targets = List.of("the boy is looking at a giraffe", "the girl is playing with a kite", "the man is walking a cow");
        List<String> leads = List.of("this picture shows a zoo scene .", "this picture shows a beach scene .", "this picture shows a farm scene .");
        assertEquals(new RougeScorer().corpus(targets, leads).get("ROUGE-1"), r.get("baseline_lead1_ROUGE-1"), 1e-12);
        assertTrue(r.get("baseline_lead1_ROUGE-1") > 0, "the lead sentence shares 'a' with each target");
        Path out = t.writeResults(Split.VAL, g, tmp.resolve("results"));
        assertEquals(tmp.resolve("results/cnndm-val.pred.txt"), out);
        assertEquals(List.of("the boy is looking at a giraffe", "the girl is playing with a kite", "nothing"), Files.readAllLines(out));
    }

    @Test
    void leadSentenceEndsAtTheFirstFullStop() {
        assertEquals("this picture shows a zoo scene .", LeadBaseline.firstSentence("this picture shows a zoo scene . there is a boy ."));
        assertEquals("Police said on Monday.", LeadBaseline.firstSentence("Police said on Monday. The man (42) was arrested!"));
        assertEquals("no full stop at all", LeadBaseline.firstSentence("no full stop at all"));
    }

    @Test
    void cnndmFolderWithoutHeaderAndTokenIds() throws IOException {
        Path d = tmp.resolve("data/cnndm");
        Files.createDirectories(d);
        int the = text.id("the");
        int man = text.id("man");
        Files.writeString(d.resolve("train.tsv"), the + " " + man + " 7\t" + man + "\n" + the + " x9\t" + man + "\n");
        Task<SourceTarget> t = open("cnndm", tmp.resolve("data"), ReadPolicy.FAIL, Map.of("tokenized_input", "true"));
        DataError e = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(e.getMessage().endsWith("train.tsv:2: field 'src': 'x9' (item 2) is not a token id (tokenized_input is on)"), e.getMessage());

        Files.writeString(d.resolve("train.tsv"), the + " " + man + " 7\t" + man + "\n" + the + "\t99999\n" + man + "\t" + the + "\n");
        Task<SourceTarget> skip = open("cnndm", tmp.resolve("data"), ReadPolicy.SKIP, Map.of("tokenized_input", "true"));
        List<SourceTarget> ok = all(skip, Split.TRAIN);
        assertEquals(List.of("1", "3"), ok.stream().map(SourceTarget::id).toList());
        List<String> q = Files.readAllLines(tmp.resolve("work/quarantine/summarization-cnndm-train.jsonl"));
        assertEquals(1, q.size());
        assertTrue(q.get(0).contains("\"line\":2") && q.get(0).contains("\"field\":\"tgt\"") && q.get(0).contains("outside the vocabulary"), q.get(0));
        EncodedExample ex = skip.encode(ok.get(0));
        assertArrayEquals(new int[] {0, the, man, 7, 2}, ex.inputs().get(0).textIds());
        assertArrayEquals(new int[] {man, 2}, ((Target.Tokens) ex.target()).ids());
    }

    @Test
    void malformedRowsNameFileAndLine() throws IOException {
        Path d = tmp.resolve("bad/gigaword");
        Files.createDirectories(d);
        Files.writeString(d.resolve("dev.tsv"), "src\ttgt\na source\ta target\nonly one field\n");
        Task<SourceTarget> t = open("gigaword", tmp.resolve("bad"), ReadPolicy.FAIL, Map.of());
        DataError e = assertThrows(DataError.class, () -> all(t, Split.VAL));
        assertTrue(e.getMessage().endsWith("dev.tsv:3: field 'line': 1 tab-separated fields; expected 2 (src, tgt)"), e.getMessage());
        Files.createDirectories(tmp.resolve("empty"));
        DataError none = assertThrows(DataError.class, () -> open("gigaword", tmp.resolve("empty"), ReadPolicy.FAIL, Map.of()));
        assertTrue(none.getMessage().contains("no Gigaword files"), none.getMessage());
    }
}
