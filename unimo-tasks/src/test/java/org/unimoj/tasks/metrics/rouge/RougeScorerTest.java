package org.unimoj.tasks.metrics.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.Scores;

/** ROUGE with rouge-score semantics on hand-computed cases. */
class RougeScorerTest {

    private static final double EPS = 1e-12;
    private final RougeScorer rouge = new RougeScorer(true);

    @Test
    void theRougeScoreReadmeExample() {
        // target: the quick brown fox jump over the lazi dog (9); prediction: the quick brown dog jump on the log (8).
        Map<String, RougeScorer.Score> s = rouge.score("The quick brown fox jumps over the lazy dog",
                "The quick brown dog jumps on the log.");
        // unigrams: the x2, quick, brown, jump, dog overlap = 6: P 6/8, R 6/9.
        assertEquals(0.75, s.get("rouge1").precision(), EPS);
        assertEquals(6 / 9.0, s.get("rouge1").recall(), EPS);
        assertEquals(12 / 17.0, s.get("rouge1").fmeasure(), EPS);
        // bigrams: "the quick", "quick brown" of 7 and 8: F = 2 (2/7)(1/4) / (2/7 + 1/4) = 4/15.
        assertEquals(4 / 15.0, s.get("rouge2").fmeasure(), EPS);
        // LCS "the quick brown jump the" = 5: P 5/8, R 5/9, F = 10/17.
        assertEquals(10 / 17.0, s.get("rougeL").fmeasure(), EPS);
    }

    @Test
    void porterStemmingMakesInflectionsMatch() {
        assertEquals(List.of("cat", "run"), rouge.tokenize("cats running"));
        // Words of three letters or fewer are not stemmed ("was" would become "wa").
        assertEquals(List.of("he", "was", "run"), rouge.tokenize("He was running"));
        assertEquals(0.8, rouge.score("cats running", "the cat runs").get("rouge1").fmeasure(), EPS);
        assertEquals(0.0, new RougeScorer(false).score("cats running", "the cat runs").get("rouge1").fmeasure(), EPS);
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        Map<String, RougeScorer.Score> s = rouge.score("Hello, World!", "hello world");
        assertEquals(1.0, s.get("rouge1").fmeasure(), EPS);
        assertEquals(1.0, s.get("rouge2").fmeasure(), EPS);
        assertEquals(1.0, s.get("rougeL").fmeasure(), EPS);
    }

    @Test
    void emptyPredictionScoresZero() {
        Map<String, RougeScorer.Score> s = rouge.score("a summary", "");
        for (RougeScorer.Score x : s.values()) {
            assertEquals(0.0, x.precision(), EPS);
            assertEquals(0.0, x.recall(), EPS);
            assertEquals(0.0, x.fmeasure(), EPS);
        }
        assertEquals(0.0, rouge.score("a summary", "!!!").get("rougeL").fmeasure(), EPS);
    }

    @Test
    void repeatedNgramsAreClipped() {
        // prediction "the the the" against "the cat": overlap min(1, 3) = 1: P 1/3, R 1/2.
        RougeScorer.Score s = rouge.score("the cat", "the the the").get("rouge1");
        assertEquals(1 / 3.0, s.precision(), EPS);
        assertEquals(0.5, s.recall(), EPS);
    }

    @Test
    void corpusIsTheMeanOfExampleScores() {
        Scores s = rouge.corpus(List.of("hello world", "a b"), List.of("hello world", "c d"));
        assertEquals(0.5, s.get("ROUGE-1"), EPS);
        assertEquals(0.5, s.get("ROUGE-2"), EPS);
        assertEquals(0.5, s.get("ROUGE-L"), EPS);
    }
}
