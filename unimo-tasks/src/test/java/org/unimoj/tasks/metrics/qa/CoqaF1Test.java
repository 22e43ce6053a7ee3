package org.unimoj.tasks.metrics.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CoQA F1 on hand-computed cases, following the official script. */
class CoqaF1Test {

    private static final double EPS = 1e-12;

    @Test
    void normalisation() {
        assertEquals("dogs bone", CoqaF1.normalize("The Dog's bone!"));
        assertEquals("theater", CoqaF1.normalize("the theater"));
        assertEquals("", CoqaF1.normalize("An  a  THE"));
    }

    @Test
    void answersThatDifferOnlyByNormalisationMatch() {
        assertEquals(1.0, CoqaF1.f1("The dog", "a dog!"), EPS);
        assertEquals(1.0, CoqaF1.exactMatch("The dog", "a DOG."), EPS);
    }

    @Test
    void tokenOverlapF1() {
        // gold (red, car), prediction (big, red, car): P 2/3, R 1.
        assertEquals(0.8, CoqaF1.f1("red car", "a big red car"), EPS);
        assertEquals(0.0, CoqaF1.f1("red car", "blue truck"), EPS);
        // Clipped counts: "red red" against "red": one common token, P 1/2, R 1.
        assertEquals(2 / 3.0, CoqaF1.f1("red", "red red"), EPS);
    }

    @Test
    void emptyAnswers() {
        assertEquals(1.0, CoqaF1.f1("", ""), EPS);
        assertEquals(0.0, CoqaF1.f1("unknown", ""), EPS);
        assertEquals(0.0, CoqaF1.f1("", "something"), EPS);
        // Only articles: both normalise to no tokens, which agree.
        assertEquals(1.0, CoqaF1.f1("the", "a"), EPS);
    }

    @Test
    void severalGoldAnswersAreAveragedOverLeaveOneOutSubsets() {
        // F1 against each gold: 1, 2/3, 1/2. Leaving out each: max(2/3, 1/2), max(1, 1/2), max(1, 2/3).
        double expected = (2 / 3.0 + 1 + 1) / 3;
        assertEquals(expected, CoqaF1.turnF1(List.of("red car", "red", "blue car"), "red car"), EPS);
        assertEquals(2 / 3.0, CoqaF1.turnF1(List.of("red"), "red car"), EPS);
        assertEquals((expected + 0) / 2,
                CoqaF1.corpus(List.of(List.of("red car", "red", "blue car"), List.of("yes")), List.of("red car", "no")), EPS);
    }
}
