package org.unimoj.plugins.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.VqaExample;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.tasks.metrics.io.VqaFiles;
import org.unimoj.tasks.metrics.vqa.VqaAccuracy;
import org.unimoj.tasks.metrics.vqa.VqaAnnotation;
import org.unimoj.tasks.testing.Fixtures;

class VqaTaskTest {

    @TempDir
    static Path world;

    @TempDir
    Path work;

    @BeforeAll
    static void tinyWorld() {
        Fixtures.world(world, 40);
    }

    private VqaTask open(Map<String, String> settings) {
        return (VqaTask) new VqaPlugin().open("", Fixtures.context(world, work, settings));
    }

    private static List<VqaExample> all(VqaTask t, Split s) throws IOException {
        try (Stream<VqaExample> st = t.read(s)) {
            return st.toList();
        }
    }

    private static VqaExample question(String id, String type, String... answers) {
        return new VqaExample(id, "1", "q?", type, "other", answers[0], List.of(answers));
    }

    @Test
    void theVocabularyIsTheTopAnswersByCountWithTiesInAlphabeticalOrder() {
        List<VqaExample> train = List.of(question("1", "t", "Yes", "yes", "no"), question("2", "t", "two", "2", "cat"),
                question("3", "t", "dog", "cat", "blue"));
        // normalised counts: yes 2, 2 2 ("two" -> "2"), cat 2, no 1, dog 1, blue 1
        AnswerVocabulary v = AnswerVocabulary.build(train, 4);
        assertEquals(List.of("2", "cat", "yes", "blue"), v.answers());
        assertEquals(6, AnswerVocabulary.build(train, 3129).size(), "all distinct answers when fewer than asked");
        assertThrows(IllegalArgumentException.class, () -> AnswerVocabulary.build(train, 1));
    }

    @Test
    void softScoresAreTheVqaAccuracyEachAnswerWouldEarn() {
        List<String> humans = new ArrayList<>(List.of("2", "2", "3", "3", "3", "3", "3", "3", "3", "3"));
        AnswerVocabulary v = AnswerVocabulary.build(List.of(question("1", "t", humans.toArray(String[]::new)), question("2", "t", "4")), 10);
        float[] y = v.softScores(humans);
        // "2": held out one of its two copies (2 subsets) -> 1 match = 1/3; held out a "3" (8 subsets) -> 2 matches = 2/3; mean 0.6
        assertEquals(0.6, y[v.answers().indexOf("2")], 1e-6);
        assertEquals(1.0, y[v.answers().indexOf("3")], 1e-6);
        assertEquals(0.0, y[v.answers().indexOf("4")], 1e-6);
        assertEquals(VqaAccuracy.questionAccuracy("2", humans), y[v.answers().indexOf("2")], 1e-6);
    }

    @Test
    void encodesImageAndQuestionWithSoftLabelsOverTheVocabulary() throws IOException {
        VqaTask t = open(Map.of(ContextKeys.MODEL_HIDDEN, "20", ContextKeys.MODEL_MAX_REGIONS, "5"));
        AnswerVocabulary v = t.vocabulary();
        assertEquals(new HeadSpec.Classify(v.size(), Pooling.TEXT_IMAGE_PRODUCT, 40, true, 0f), t.head());
        for (VqaExample e : all(t, Split.TRAIN).subList(0, 20)) {
            EncodedExample x = t.encode(e);
            assertEquals(e.questionId(), x.id());
            assertEquals(e.imageId(), x.inputs().get(0).image().imageId());
            assertTrue(x.inputs().get(0).image().numBoxes() <= 5);
            float[] y = ((Target.SoftLabels) x.target()).scores();
            assertEquals(v.size(), y.length);
            for (int k = 0; k < y.length; k++) {
                String a = v.answer(k);
                double expected = e.answers().stream().anyMatch(h -> h.equals(a)) ? VqaAccuracy.questionAccuracy(v.answer(k), e.answers()) : 0;
                assertEquals(expected, y[k], 1e-6, e.questionId() + " " + v.answer(k));
            }
            assertEquals(1.0, y[v.answers().indexOf(e.answer())], 1e-6, "the world's answer has accuracy 1");
        }
    }

    @Test
    void anOraclePredictorScoresWhatTheOfficialScoringGivesItsAnswersAndTheResultsFileIsTheOfficialFormat() throws IOException {
        VqaTask t = open(Map.of());
        AnswerVocabulary v = t.vocabulary();
        Map<String, Integer> gold = new HashMap<>();
        Map<Long, String> oracleAnswers = new LinkedHashMap<>();
        List<VqaAnnotation> anns = new ArrayList<>();
        int inVocabulary = 0;
        for (VqaExample e : all(t, Split.TEST)) {
            int k = Math.max(0, v.answers().indexOf(e.answer()));
            inVocabulary += v.answers().indexOf(e.answer()) >= 0 ? 1 : 0;
            gold.put(e.imageId() + "|" + Arrays.toString(t.encode(e).inputs().get(0).textIds()), k);
            oracleAnswers.put(Long.parseLong(e.questionId()), v.answer(k));
            anns.add(new VqaAnnotation(Long.parseLong(e.questionId()), e.questionType(), e.answerType(), e.answers()));
        }
        assertTrue(inVocabulary > 0.8 * anns.size(), inVocabulary + " of " + anns.size() + " test answers are training answers");
        var oracle = Fixtures.classes(v.size(), in -> gold.get(in.image().imageId() + "|" + Arrays.toString(in.textIds())));
        MetricReport r = t.evaluate(Split.TEST, oracle);
        assertEquals(VqaAccuracy.evaluate(anns, oracleAnswers).overall(), r.get("VQA accuracy"), 1e-12);
        assertTrue(r.get("VQA accuracy") >= inVocabulary / (double) anns.size() - 1e-12, "every answer in the vocabulary earns 1");
        assertTrue(r.values().keySet().stream().anyMatch(k -> k.startsWith("VQA accuracy [question: ")), r.values().keySet().toString());
        assertTrue(r.values().containsKey("VQA accuracy [yes/no]"));

        var yes = Fixtures.classes(v.size(), in -> v.answers().indexOf("yes"));
        MetricReport always = t.evaluate(Split.TEST, yes);
        Path file = t.writeResults(Split.TEST, yes, work.resolve("results"));
        VqaFiles.Results read = VqaFiles.results(file);
        assertEquals(anns.size(), read.answers().size());
        assertEquals(VqaAccuracy.evaluate(anns, read.answers()).overall(), always.get("VQA accuracy"), 1e-12,
                "the official scoring of the written file agrees with evaluate");
    }

    @Test
    void theBaselineAnswersTheMostFrequentTrainingAnswerOfEachQuestionType() throws IOException {
        VqaTask t = open(Map.of());
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (VqaExample e : all(t, Split.TRAIN)) {
            counts.computeIfAbsent(e.questionType(), k -> new HashMap<>()).merge(e.answer(), 1, Integer::sum);
        }
        Map<Long, String> answers = new LinkedHashMap<>();
        List<VqaAnnotation> anns = new ArrayList<>();
        for (VqaExample e : all(t, Split.VAL)) {
            Map<String, Integer> c = counts.get(e.questionType());
            String best = null;
            for (Map.Entry<String, Integer> x : c.entrySet()) {
                if (best == null || x.getValue() > c.get(best) || (x.getValue().equals(c.get(best)) && x.getKey().compareTo(best) < 0)) {
                    best = x.getKey();
                }
            }
            answers.put(Long.parseLong(e.questionId()), best);
            anns.add(new VqaAnnotation(Long.parseLong(e.questionId()), e.questionType(), e.answerType(), e.answers()));
        }
        assertEquals(VqaAccuracy.evaluate(anns, answers).overall(), t.evaluateBaseline(Split.VAL).get("VQA accuracy"), 1e-12);
    }
}
