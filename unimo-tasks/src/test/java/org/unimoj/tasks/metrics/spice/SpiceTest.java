package org.unimoj.tasks.metrics.spice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.Scores;

/** SPICE's tuple matching and F-score on hand-built scene graphs, with hand-computed expectations. */
class SpiceTest {

    private static final double EPS = 1e-12;

    private final GivenGraphs graphs = new GivenGraphs()
            .give("a brown dog", List.of("dog"), List.of("dog=brown"), List.of())
            .give("a brown dog chases a ball", List.of("dog", "ball"), List.of("dog=brown"), List.of("dog chase ball"))
            .give("a dog", List.of("dog"), List.of(), List.of())
            .give("a dog and a cat", List.of("dog", "cat"), List.of(), List.of())
            .give("a car", List.of("car"), List.of(), List.of())
            .give("an automobile", List.of("automobile"), List.of(), List.of())
            .give("a red car", List.of("car"), List.of("car=red"), List.of())
            .give("nothing", List.of(), List.of(), List.of());

    @Test
    void precisionRecallAndFOverTuples() {
        // candidate: (dog), (dog, brown); references: (ball), (dog), (dog, brown), (dog, chase, ball).
        SpiceEvaluation e = new Spice(graphs, ConceptSynsets.NONE).evaluate("a brown dog", List.of("a brown dog chases a ball"));
        assertEquals(2, e.tp());
        assertEquals(0, e.fp());
        assertEquals(2, e.fn());
        assertEquals(1.0, e.precision(), EPS);
        assertEquals(0.5, e.recall(), EPS);
        assertEquals(2 * 1.0 * 0.5 / 1.5, e.f(), EPS);
    }

    @Test
    void referenceGraphsAreMergedWithoutDuplicates() {
        // references give (dog) twice and (cat) once: two reference tuples.
        SpiceEvaluation e = new Spice(graphs, ConceptSynsets.NONE).evaluate("a dog", List.of("a dog", "a dog and a cat"));
        assertEquals(1, e.tp());
        assertEquals(1, e.fn());
        assertEquals(2 * 1.0 * 0.5 / 1.5, e.f(), EPS);
    }

    @Test
    void synonymsMatchThroughSharedSynsets() {
        assertEquals(0.0, new Spice(graphs, ConceptSynsets.NONE).evaluate("a car", List.of("an automobile")).f(), EPS);
        ConceptSynsets carIsAutomobile = (lemma, role) ->
                lemma.equals("car") || lemma.equals("automobile") ? new long[] {7L} : new long[0];
        assertEquals(1.0, new Spice(graphs, carIsAutomobile).evaluate("a car", List.of("an automobile")).f(), EPS);
    }

    @Test
    void wordNetKnowsThatACarIsAnAutomobile() {
        assertEquals(1.0, new Spice(graphs).evaluate("a car", List.of("an automobile")).f(), EPS);
    }

    @Test
    void emptyGraphsGiveZeroNotNaN() {
        Spice spice = new Spice(graphs, ConceptSynsets.NONE);
        SpiceEvaluation noCandidate = spice.evaluate("nothing", List.of("a dog"));
        assertEquals(0.0, noCandidate.precision(), EPS);
        assertEquals(0.0, noCandidate.recall(), EPS);
        assertEquals(0.0, noCandidate.f(), EPS);
        SpiceEvaluation noReference = spice.evaluate("a dog", List.of("nothing"));
        assertEquals(0.0, noReference.precision(), EPS);
        assertEquals(0.0, noReference.f(), EPS);
    }

    @Test
    void attributeTuplesNeedTheWholeTupleToMatch() {
        // candidate (car), (car, red) against reference (car): only the object tuple matches.
        SpiceEvaluation e = new Spice(graphs, ConceptSynsets.NONE).evaluate("a red car", List.of("a car"));
        assertEquals(1, e.tp());
        assertEquals(0.5, e.precision(), EPS);
        assertEquals(1.0, e.recall(), EPS);
    }

    @Test
    void corpusSpiceIsTheMeanOverImages() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        refs.put("1", List.of("a brown dog chases a ball"));
        cands.put("1", "a brown dog");
        refs.put("2", List.of("a dog"));
        cands.put("2", "a dog");
        Scores s = new Spice(graphs, ConceptSynsets.NONE).score(refs, cands);
        assertEquals((2.0 / 3 + 1.0) / 2, s.get("SPICE"), EPS);
        assertEquals((1.0 + 1.0) / 2, s.get("SPICE-precision"), EPS);
        assertEquals((0.5 + 1.0) / 2, s.get("SPICE-recall"), EPS);
    }
}
