package org.unimoj.tasks.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VQA accuracy on hand-computed cases, following the official vqaEval.py step by step. */
class VqaAccuracyTest {

    private static final double EPS = 1e-12;

    /** Ten human answers: {@code k} copies of {@code answer}, the rest "other". */
    private static List<String> answers(String answer, int k) {
        List<String> a = new ArrayList<>(Collections.nCopies(k, answer));
        while (a.size() < 10) {
            a.add("other");
        }
        return a;
    }

    @Test
    void tenAgreeingAnswersGiveFullCredit() {
        assertEquals(1.0, VqaAccuracy.questionAccuracy("yes", Collections.nCopies(10, "yes")), EPS);
    }

    @Test
    void creditIsTheMeanOverTheTenNineAnnotatorSubsets() {
        // 2 of 10 say "yes": leaving out a "yes" leaves 1 match (1/3), leaving out another leaves 2 (2/3).
        assertEquals((2 * (1 / 3.0) + 8 * (2 / 3.0)) / 10, VqaAccuracy.questionAccuracy("yes", answers("yes", 2)), EPS);
        // 3 of 10: (3 * 2/3 + 7 * 1) / 10 = 0.9, the well-known value for three matching annotators.
        assertEquals(0.9, VqaAccuracy.questionAccuracy("yes", answers("yes", 3)), EPS);
        // 4 or more of 10 always leave at least 3 matches.
        assertEquals(1.0, VqaAccuracy.questionAccuracy("yes", answers("yes", 4)), EPS);
        assertEquals(0.0, VqaAccuracy.questionAccuracy("no", answers("yes", 10)), EPS);
    }

    @Test
    void answersThatDifferOnlyByNormalisationMatch() {
        List<String> two = Collections.nCopies(10, "2");
        assertEquals(1.0, VqaAccuracy.questionAccuracy("Two", two), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy(" two.\n", two), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy("The dog", Collections.nCopies(10, "dog")), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy("dont", Collections.nCopies(10, "don't")), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy("none", Collections.nCopies(10, "0")), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy("black/white", Collections.nCopies(10, "black white")), EPS);
        assertEquals(1.0, VqaAccuracy.questionAccuracy("1,000", Collections.nCopies(10, "1000")), EPS);
    }

    @Test
    void emptyPredictionScoresZero() {
        assertEquals(0.0, VqaAccuracy.questionAccuracy("", answers("yes", 10)), EPS);
        assertEquals(0.0, VqaAccuracy.questionAccuracy("  ", answers("yes", 10)), EPS);
    }

    @Test
    void disagreeingHumanAnswersOnlyGetTheirPunctuationProcessed() {
        // Five "yes!" and five "yes": the answers disagree, so "yes!" becomes "yes " (the "!" touches no
        // space, so it turns into one) and no longer equals the prediction's "yes". Only the five "yes" count.
        List<String> gts = new ArrayList<>(Collections.nCopies(5, "yes!"));
        gts.addAll(Collections.nCopies(5, "yes"));
        assertEquals(1.0, VqaAccuracy.questionAccuracy("yes", gts), EPS);
        // Four "yes": leaving out any one answer still leaves at least 3 matching "yes", so full credit.
        List<String> four = new ArrayList<>(Collections.nCopies(6, "yes!"));
        four.addAll(Collections.nCopies(4, "yes"));
        assertEquals(1.0, VqaAccuracy.questionAccuracy("yes", four), EPS);
        // Three "yes" and seven "yes!": as if only three agreed.
        List<String> three = new ArrayList<>(Collections.nCopies(7, "yes!"));
        three.addAll(Collections.nCopies(3, "yes"));
        assertEquals(0.9, VqaAccuracy.questionAccuracy("yes", three), EPS);
        // Agreeing human answers are compared as given: ten "Yes" never equal a normalised prediction.
        assertEquals(0.0, VqaAccuracy.questionAccuracy("Yes", Collections.nCopies(10, "Yes")), EPS);
    }

    @Test
    void normalizerFollowsTheOfficialSteps() {
        assertEquals("it's red", VqaAnswerNormalizer.normalizePrediction("It's red."));
        assertEquals("3.5", VqaAnswerNormalizer.normalizePrediction("3.5"));
        assertEquals("left side", VqaAnswerNormalizer.normalizePrediction("left-side"));
        assertEquals("left side", VqaAnswerNormalizer.normalizePrediction("left - side"));
        assertEquals("yes", VqaAnswerNormalizer.normalizePrediction("yes?"));
        // A period before a digit stays; others go.
        assertEquals("5.5 feet", VqaAnswerNormalizer.normalizePrediction("5.5 feet."));
        // Only the first 32 periods are removed (re.UNICODE lands in sub's count argument).
        String dots = ".".repeat(40);
        assertEquals(".".repeat(8), VqaAnswerNormalizer.processPunctuation(dots));
    }

    @Test
    void perQuestionTypeAndAnswerTypeAreMeansOverTheirQuestions() {
        List<VqaAnnotation> anns = List.of(
                new VqaAnnotation(1, "what color", "other", Collections.nCopies(10, "red")),
                new VqaAnnotation(2, "what color", "other", answers("blue", 3)),
                new VqaAnnotation(3, "is this", "yes/no", Collections.nCopies(10, "yes")));
        Map<Long, String> preds = new LinkedHashMap<>();
        preds.put(1L, "red");
        preds.put(2L, "blue");
        preds.put(3L, "no");
        VqaResult r = VqaAccuracy.evaluate(anns, preds);
        assertEquals((1.0 + 0.9 + 0.0) / 3, r.overall(), EPS);
        assertEquals((1.0 + 0.9) / 2, r.perQuestionType().get("what color"), EPS);
        assertEquals(0.0, r.perQuestionType().get("is this"), EPS);
        assertEquals((1.0 + 0.9) / 2, r.perAnswerType().get("other"), EPS);
        assertEquals(0.0, r.perAnswerType().get("yes/no"), EPS);
        assertEquals(0.9, r.perQuestion().get(2L), EPS);
        assertEquals(r.overall(), r.toScores().get("VQA accuracy"), EPS);
    }

    @Test
    void predictionsMustCoverExactlyTheAnnotatedQuestions() {
        List<VqaAnnotation> anns = List.of(new VqaAnnotation(1, "what", "other", answers("x", 10)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> VqaAccuracy.evaluate(anns, Map.of()));
        assertTrue(missing.getMessage().contains("no prediction for question 1"), missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> VqaAccuracy.evaluate(anns, Map.of(1L, "x", 2L, "y")));
        assertTrue(extra.getMessage().contains("question 2"), extra.getMessage());
    }
}
