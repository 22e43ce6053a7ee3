package org.unimoj.plugins.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.data.io.DataError;
import org.unimoj.tasks.testing.WordText;

/** The glue task on small files in the official GLUE layouts, scored through a predictor whose every answer the test knows. */
class GlueTaskTest {

    @TempDir
    Path tmp;

    Path glue;
    WordText text;

    @BeforeEach
    void setUp() throws IOException {
        glue = GlueFixtures.glueData(tmp.resolve("glue_data"));
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(glue)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.add(Files.readString(f));
            }
        }
        text = new WordText(all);
    }

    private TaskContext context(Path data, ReadPolicy policy, Map<String, String> settings) {
        return new TaskContext(data, tmp.resolve("work"), text, settings, policy, 7);
    }

    @SuppressWarnings("unchecked")
    private Task<LabeledText> open(String subtask, Path data) {
        return (Task<LabeledText>) new GluePlugin().open(subtask, context(data, ReadPolicy.FAIL, Map.of()));
    }

    private static List<LabeledText> all(Task<LabeledText> t, Split s) throws IOException {
        try (Stream<LabeledText> rows = t.read(s)) {
            return rows.toList();
        }
    }

    @Test
    void pluginInfoListsTheFourSubtasks() {
        assertEquals("glue", new GluePlugin().info().id());
        assertEquals(List.of("sst2", "mnli", "cola", "stsb"), new GluePlugin().info().subtasks());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("qqp", glue));
        assertTrue(e.getMessage().contains("unknown glue subtask 'qqp'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open("", glue));
    }

    @Test
    void sst2ReadsEachSplitOfTheGlueDownload() throws IOException {
        Task<LabeledText> t = open("sst2", glue);
        assertEquals("glue/sst2", t.name());
        List<LabeledText> train = all(t, Split.TRAIN);
        assertEquals(5, train.size());
        assertEquals("hide new secretions from the parental units", train.get(0).text());
        assertEquals(4, all(t, Split.VAL).size());
        List<LabeledText> test = all(t, Split.TEST);
        assertEquals(List.of("0", "1", "2"), test.stream().map(LabeledText::id).toList());
        assertNull(test.get(0).label());
        assertEquals(new HeadSpec.Classify(2, Pooling.TEXT, 0, false, 0f), t.head());
        EncodedExample e = t.encode(train.get(4));
        assertEquals(new Target.ClassLabel(1), e.target());
        assertArrayEquals(new int[] {0, text.id("a"), text.id("good"), text.id("film"), 2}, e.inputs().get(0).textIds());
        IllegalArgumentException unlabeled = assertThrows(IllegalArgumentException.class, () -> t.encode(test.get(0)));
        assertTrue(unlabeled.getMessage().contains("row 0 has no label"), unlabeled.getMessage());
    }

    @Test
    void colaReadsHeaderlessTrainAndScoresMatthews() throws IOException {
        Task<LabeledText> t = open("cola", glue.resolve("CoLA"));
        List<LabeledText> train = all(t, Split.TRAIN);
        assertEquals(List.of("1", "1", "0"), train.stream().map(LabeledText::label).toList());
        assertEquals("They drank the pub.", train.get(2).text());
        // Predict "acceptable" iff the sentence mentions a rope, sailors or Mary. Gold 1,1,0,0,1; predicted 1,1,0,1,0:
        // TP 2, TN 1, FP 1, FN 1, so accuracy 3/5 and Matthews (2*1 - 1*1) / sqrt(3*3*2*2) = 1/6.
        ScriptedPredictor p = new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(
                s.contains("rope") || s.contains("sailors") || s.contains("mary") ? 1 : 0, 2));
        MetricReport r = t.evaluate(Split.VAL, p);
        assertEquals("matthews_corr", r.primary().getKey());
        assertEquals(1.0 / 6, r.get("matthews_corr"), 1e-12);
        assertEquals(0.6, r.get("accuracy"), 1e-12);
        assertEquals(0.0, r.get("baseline_majority_matthews_corr"), 1e-12);
        assertEquals(0.6, r.get("baseline_majority_accuracy"), 1e-12, "3 of 5 dev rows are acceptable");
        assertEquals(5, r.count());
        assertEquals("val", r.split());
    }

    @Test
    void mnliScoresMatchedAndMismatchedDevFiles() throws IOException {
        Task<LabeledText> t = open("mnli", glue);
        assertEquals(4, all(t, Split.TRAIN).size());
        List<LabeledText> dev = all(t, Split.VAL);
        assertEquals(3, dev.size(), "read(VAL) streams dev_matched.tsv");
        assertEquals("Everyone really likes the newest benefits", dev.get(0).pairText());
        assertEquals(new Target.ClassLabel(0), t.encode(dev.get(1)).target(), "contradiction is class 0");
        int[] ids = t.encode(dev.get(0)).inputs().get(0).textIds();
        assertEquals(2, java.util.Arrays.stream(ids).filter(i -> i == 2).count(), "[CLS] a [SEP] b [SEP]");
        // Always "entailment": 1 of 3 matched rows, 1 of 2 mismatched rows.
        ScriptedPredictor p = new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(1, 3));
        MetricReport r = t.evaluate(Split.VAL, p);
        assertEquals(List.of("accuracy_matched", "accuracy_mismatched", "baseline_majority_accuracy_matched", "baseline_majority_accuracy_mismatched"),
                List.copyOf(r.values().keySet()));
        assertEquals(1.0 / 3, r.get("accuracy_matched"), 1e-12);
        assertEquals(0.5, r.get("accuracy_mismatched"), 1e-12);
        assertEquals(5, r.count());
        assertEquals(5, p.seen.size());
    }

    @Test
    void stsbRegressesFloatScores() throws IOException {
        Task<LabeledText> t = open("stsb", glue.resolve("STS-B"));
        assertEquals(new HeadSpec.Regress(Pooling.TEXT, 0), t.head());
        List<LabeledText> dev = all(t, Split.VAL);
        assertEquals(new Target.Value(4.75f), t.encode(dev.get(1)).target());
        // Gold 5.0, 4.75, 5.0, 2.4 against 4, 3, 4, 1: Pearson 0.9697839185399779 and Spearman 1.0 (scipy.stats).
        ScriptedPredictor p = new ScriptedPredictor(text, s -> new Prediction.Value(s.contains("guitar") ? 1f : s.contains("child") ? 3f : 4f));
        MetricReport r = t.evaluate(Split.VAL, p);
        assertEquals("pearson", r.primary().getKey());
        assertEquals(0.9697839185399779, r.get("pearson"), 1e-9);
        assertEquals(1.0, r.get("spearman"), 1e-12);
    }

    @Test
    void submissionFilesForTheTestSets() throws IOException {
        Path out = tmp.resolve("results");
        Task<LabeledText> sst = open("sst2", glue);
        Path f = sst.writeResults(Split.TEST, new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(s.contains("affection") ? 1 : 0, 2)), out);
        assertEquals(out.resolve("SST-2.tsv"), f);
        assertEquals(List.of("index\tprediction", "0\t0", "1\t0", "2\t1"), Files.readAllLines(f));
        Path v = sst.writeResults(Split.VAL, new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(1, 2)), out);
        assertEquals(out.resolve("val/SST-2.tsv"), v, "val predictions do not overwrite the test submission");
        assertEquals(5, Files.readAllLines(v).size());
        assertEquals(4, Files.readAllLines(f).size());

        Task<LabeledText> mnli = open("mnli", glue);
        Path m = mnli.writeResults(Split.TEST, new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(s.contains("war") ? 0 : 2, 3)), out);
        assertEquals(out.resolve("MNLI-m.tsv"), m);
        assertEquals(List.of("index\tprediction", "0\tneutral"), Files.readAllLines(m));
        assertEquals(List.of("index\tprediction", "0\tneutral", "1\tcontradiction"), Files.readAllLines(out.resolve("MNLI-mm.tsv")));

        Task<LabeledText> sts = open("stsb", glue);
        Path s = sts.writeResults(Split.TEST, new ScriptedPredictor(text, x -> new Prediction.Value(x.contains("soccer") ? 7.2f : 3.14159f)), out);
        assertEquals(List.of("index\tprediction", "0\t3.142", "1\t5.000"), Files.readAllLines(s), "scores clipped to [0, 5]");
    }

    @Test
    void evaluatingAnUnlabeledTestSetIsAClearError() {
        Task<LabeledText> t = open("sst2", glue);
        DataError e = assertThrows(DataError.class, () -> t.evaluate(Split.TEST, new ScriptedPredictor(text, s -> ScriptedPredictor.classOf(0, 2))));
        assertTrue(e.getMessage().contains("SST-2/test.tsv") && e.getMessage().contains("GLUE test files are unlabeled"), e.getMessage());
    }

    @Test
    void malformedRowsNameFileLineAndField() throws IOException {
        Path bad = tmp.resolve("bad");
        GlueFixtures.write(bad, "train.tsv", "sentence\tlabel\ngood one\t1\nbad label\t2\nfine\t0\n");
        Task<LabeledText> t = open("sst2", bad);
        DataError e = assertThrows(DataError.class, () -> all(t, Split.TRAIN));
        assertTrue(e.getMessage().endsWith("train.tsv:3: field 'label': '2' is not 0 or 1"), e.getMessage());

        GlueFixtures.write(bad, "dev.tsv", MNLI_BAD);
        Task<LabeledText> stsb = open("stsb", bad);
        DataError s = assertThrows(DataError.class, () -> all(stsb, Split.VAL));
        assertTrue(s.getMessage().endsWith("dev.tsv:3: field 'score': 5.2 is outside [0, 5]"), s.getMessage());

        Path mnli = tmp.resolve("mnli");
        GlueFixtures.write(mnli, "dev_matched.tsv", GlueFixtures.MNLI_DEV_HEADER + GlueFixtures.mnliDevRow(0, "a", "b", "entailment")
                + GlueFixtures.mnliDevRow(1, "c", "d", "maybe"));
        Task<LabeledText> m = open("mnli", mnli);
        DataError me = assertThrows(DataError.class, () -> all(m, Split.VAL));
        assertTrue(me.getMessage().endsWith("dev_matched.tsv:3: field 'gold_label': 'maybe' is not entailment, neutral or contradiction"), me.getMessage());
        DataError missing = assertThrows(DataError.class, () -> m.evaluate(Split.VAL, new ScriptedPredictor(text, x -> ScriptedPredictor.classOf(0, 3))));
        assertTrue(missing.getMessage().contains("dev_matched.tsv:3") , missing.getMessage());

        GlueFixtures.write(mnli, "dev_matched.tsv", GlueFixtures.MNLI_DEV_HEADER + GlueFixtures.mnliDevRow(0, "a", "b", "entailment"));
        DataError noMismatched = assertThrows(DataError.class, () -> m.evaluate(Split.VAL, new ScriptedPredictor(text, x -> ScriptedPredictor.classOf(0, 3))));
        assertTrue(noMismatched.getMessage().contains("dev_mismatched.tsv: no such file (the val split of glue/mnli)"), noMismatched.getMessage());
    }

    private static final String MNLI_BAD = GlueFixtures.STSB_HEADER
            + GlueFixtures.stsbRow(0, "A plane is taking off.", "An air plane is taking off.", "5.000")
            + GlueFixtures.stsbRow(1, "A man is playing a large flute.", "A man is playing a flute.", "5.2");

    @Test
    void skipPolicySendsBadRowsToQuarantineInTheWorkDirectory() throws IOException {
        Path bad = tmp.resolve("skip");
        GlueFixtures.write(bad, "train.tsv", "sentence\tlabel\ngood one\t1\nbad label\t2\nno label\nfine\t0\n");
        @SuppressWarnings("unchecked")
        Task<LabeledText> t = (Task<LabeledText>) new GluePlugin().open("sst2", context(bad, ReadPolicy.SKIP, Map.of()));
        assertEquals(List.of("good one", "fine"), all(t, Split.TRAIN).stream().map(LabeledText::text).toList());
        List<String> q = Files.readAllLines(tmp.resolve("work/quarantine/glue-sst2-train.jsonl"));
        assertEquals(2, q.size());
        assertTrue(q.get(0).contains("\"line\":3") && q.get(0).contains("is not 0 or 1"), q.get(0));
        assertTrue(q.get(1).contains("\"line\":4"), q.get(1));
    }

    @Test
    void settingsChangeLengthAndHeadAndAreChecked() throws IOException {
        @SuppressWarnings("unchecked")
        Task<LabeledText> t = (Task<LabeledText>) new GluePlugin().open("sst2",
                context(glue, ReadPolicy.FAIL, Map.of("max_seq_len", "64", "sst2.max_seq_len", "5", "head_hidden", "16")));
        List<LabeledText> train = all(t, Split.TRAIN);
        assertEquals(5, t.encode(train.get(0)).inputs().get(0).textIds().length, "the subtask's own key wins");
        assertEquals(new HeadSpec.Classify(2, Pooling.TEXT, 16, false, 0f), t.head());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GluePlugin().open("sst2", context(glue, ReadPolicy.FAIL, Map.of("max_seq_len", "two"))));
        assertTrue(e.getMessage().contains("max_seq_len"), e.getMessage());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> new GluePlugin().open("mnli", context(glue, ReadPolicy.FAIL, Map.of("layout", "label_tab_sentence"))).read(Split.TRAIN));
        assertTrue(l.getMessage().contains("single-sentence tasks"), l.getMessage());
    }

    @Test
    void aDirectoryWithoutTheTasksFilesSaysWhereItLooked() {
        DataError e = assertThrows(DataError.class, () -> open("cola", tmp));
        assertTrue(e.getMessage().contains("no CoLA files (train.tsv, dev.tsv, test.tsv)") && e.getMessage().contains("CoLA"), e.getMessage());
        assertInstanceOf(DataError.class, assertThrows(DataError.class, () -> open("cola", tmp.resolve("nowhere"))));
    }
}
