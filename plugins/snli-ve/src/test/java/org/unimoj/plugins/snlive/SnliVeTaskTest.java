package org.unimoj.plugins.snlive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.data.io.DataError;
import org.unimoj.tasks.testing.Fixtures;

class SnliVeTaskTest {

    @TempDir
    static Path world;

    @TempDir
    Path work;

    @BeforeAll
    static void tinyWorld() {
        Fixtures.world(world, 40);
    }

    @SuppressWarnings("unchecked")
    private SnliVeTask open(Map<String, String> settings) {
        return (SnliVeTask) (Task<?>) new SnliVePlugin().open("", Fixtures.context(world, work, settings));
    }

    private static List<VisualEntailment> all(SnliVeTask t, Split s) throws IOException {
        try (Stream<VisualEntailment> st = t.read(s)) {
            return st.toList();
        }
    }

    @Test
    void readsEveryPairOfTheWorldsFilesAndEncodesImageAndHypothesis() throws IOException {
        SnliVeTask t = open(Map.of(ContextKeys.MODEL_MAX_REGIONS, "4", ContextKeys.MODEL_MAX_TEXT_LENGTH, "12", ContextKeys.MODEL_HIDDEN, "24"));
        for (Split s : Split.values()) {
            String file = s == Split.VAL ? "dev" : s.fileName();
            long lines = Files.readAllLines(world.resolve("snli_ve/snli_ve_" + file + ".jsonl")).stream().filter(l -> !l.isBlank()).count();
            assertEquals(lines, all(t, s).size(), s + " pairs");
        }
        VisualEntailment e = all(t, Split.TRAIN).get(0);
        EncodedExample x = t.encode(e);
        assertEquals(1, x.inputs().size());
        ModelInput in = x.inputs().get(0);
        assertEquals(e.imageId(), in.image().imageId());
        assertTrue(in.image().numBoxes() <= 4 && in.image().numBoxes() >= 1, "regions cut to the model's 4");
        int[] words = new Fixtures.Words().encode(e.hypothesis());
        assertEquals(Math.min(12, words.length + 2), in.textIds().length, "[CLS] hypothesis [SEP] within the model's 12 ids");
        assertEquals(0, in.textIds()[0]);
        assertEquals(2, in.textIds()[in.textIds().length - 1]);
        assertEquals(new Target.ClassLabel(e.label().ordinal()), x.target());
        assertEquals(new HeadSpec.Classify(3, Pooling.TEXT_IMAGE_CONCAT, 24, false, 0f), t.head(), "MLP of the model's hidden size");
    }

    @Test
    void anOraclePredictorScoresOneAConstantOneScoresItsLabelsShareAndTheBaselineIsTheMajority() throws IOException {
        SnliVeTask t = open(Map.of());
        Map<String, Integer> gold = new HashMap<>();
        for (VisualEntailment e : all(t, Split.VAL)) {
            gold.put(e.imageId() + "|" + Arrays.toString(t.encode(e).inputs().get(0).textIds()), e.label().ordinal());
        }
        MetricReport oracle = t.evaluate(Split.VAL, Fixtures.classes(3, in -> gold.get(in.image().imageId() + "|" + Arrays.toString(in.textIds()))));
        assertEquals(1.0, oracle.get("accuracy"), 1e-12);
        assertEquals(List.of("accuracy", "accuracy [entailment]", "accuracy [neutral]", "accuracy [contradiction]"), List.copyOf(oracle.values().keySet()));

        List<VisualEntailment> val = all(t, Split.VAL);
        long neutral = val.stream().filter(e -> e.label() == EntailmentLabel.NEUTRAL).count();
        MetricReport constant = t.evaluate(Split.VAL, Fixtures.classes(3, in -> EntailmentLabel.NEUTRAL.ordinal()));
        assertEquals(neutral / (double) val.size(), constant.get("accuracy"), 1e-12);
        assertEquals(1.0, constant.get("accuracy [neutral]"), 1e-12);
        assertEquals(0.0, constant.get("accuracy [entailment]"), 1e-12);

        int[] counts = new int[3];
        all(t, Split.TRAIN).forEach(e -> counts[e.label().ordinal()]++);
        int majority = 0;
        for (int k = 1; k < 3; k++) {
            majority = counts[k] > counts[majority] ? k : majority;
        }
        int m = majority;
        MetricReport baseline = t.evaluateBaseline(Split.VAL);
        assertEquals(val.stream().filter(e -> e.label().ordinal() == m).count() / (double) val.size(), baseline.get("accuracy"), 1e-12);
    }

    @Test
    void theResultsFileHasOneLinePerPairWithThePredictedLabel() throws IOException {
        SnliVeTask t = open(Map.of());
        var p = Fixtures.classes(3, in -> in.textIds().length % 3);
        t.evaluate(Split.TEST, p);
        Path out = t.writeResults(Split.TEST, p, work.resolve("results"));
        List<String> lines = Files.readAllLines(out);
        List<VisualEntailment> test = all(t, Split.TEST);
        assertEquals(test.size(), lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            VisualEntailment e = test.get(i);
            assertEquals(e.pairId(), n.get("pairID").asText());
            int predicted = t.encode(e).inputs().get(0).textIds().length % 3;
            assertEquals(EntailmentLabel.values()[predicted].fileName(), n.get("predicted_label").asText());
            assertEquals(e.label().fileName(), n.get("gold_label").asText());
        }
    }

    @Test
    void aBadRecordIsAnErrorNamingFileLineAndField() throws IOException {
        Path bad = work.resolve("bad.jsonl");
        List<String> lines = Files.readAllLines(world.resolve("snli_ve/snli_ve_dev.jsonl"));
        lines.set(2, lines.get(2).replaceAll("\"gold_label\": ?\"[a-z]+\"", "\"gold_label\":\"maybe\""));
        Files.write(bad, lines);
        SnliVeTask t = open(Map.of("data.val", bad.toString()));
        DataError e = assertThrows(DataError.class, () -> all(t, Split.VAL));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains(":3:") && e.getMessage().contains("gold_label"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> open(Map.of("data.test", "nowhere.jsonl")).read(Split.TEST));
        assertTrue(missing.getMessage().contains("nowhere.jsonl") && missing.getMessage().contains("unimo.task.snli-ve.data.test"), missing.getMessage());
    }

    @Test
    void subtasksAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SnliVePlugin().open("x", Fixtures.context(world, work, Map.of())));
        assertTrue(e.getMessage().contains("no subtasks"));
        assertArrayEquals(new Object[0], new SnliVePlugin().info().subtasks().toArray());
    }
}
