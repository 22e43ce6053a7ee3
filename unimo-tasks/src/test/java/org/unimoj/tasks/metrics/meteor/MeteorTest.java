package org.unimoj.tasks.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * METEOR against hand-computed cases: no METEOR reference values are available here, so each expected
 * value is derived from METEOR 1.5's formulas with alpha 0.85, beta 0.2, gamma 0.6, delta 0.75 and
 * module weights exact 1.0, stem 0.6, synonym 0.8 ("a" is a function word, the nouns are content words).
 */
class MeteorTest {

    private static final double EPS = 1e-12;
    /** Tests of the exact and stem modules need no WordNet. */
    private final Meteor noSynonyms = new Meteor(MeteorSynonyms.NONE, MeteorParameters.ENGLISH_1_5);

    @Test
    void identicalSentenceScoresOne() {
        assertEquals(1.0, noSynonyms.segment("a cat sat", List.of("a cat sat")), EPS);
    }

    @Test
    void swappedHalvesFormTwoChunks() {
        // All six words match; the best alignment has two chunks ("on the mat" / "the cat sat").
        double expected = 1 - 0.6 * Math.pow(2 / 6.0, 0.2);
        assertEquals(expected, noSynonyms.segment("the cat sat on the mat", List.of("on the mat the cat sat")), EPS);
    }

    @Test
    void stemMatchesCountWithWeightPointSix() {
        // dogs~dog and running~runs through the Snowball stems; both content words; one chunk, all words matched.
        assertEquals(0.6, noSynonyms.segment("dogs running", List.of("dog runs")), EPS);
    }

    @Test
    void functionWordMatchWeighsOneMinusDelta() {
        // Only "a" (function word) matches: P = R = 0.25 / (0.75 + 0.25); one chunk over one match: frag 1.
        double fmean = 0.25;
        assertEquals(fmean * (1 - 0.6), noSynonyms.segment("a dog", List.of("a tree")), EPS);
    }

    @Test
    void bestReferenceWins() {
        assertEquals(1.0, noSynonyms.segment("a dog", List.of("a tree", "a dog", "the dog")), EPS);
    }

    @Test
    void emptyCandidateScoresZero() {
        assertEquals(0.0, noSynonyms.segment("", List.of("a dog")), EPS);
    }

    @Test
    void corpusScoreComesFromSummedStatisticsNotTheMeanOfSegments() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        refs.put("1", List.of("a cat sat"));
        cands.put("1", "a cat sat");
        refs.put("2", List.of("a tree"));
        cands.put("2", "a dog");
        // Summed: 5 test words (2 function), matches cat, sat (content) and a, a (function);
        // the perfect first segment adds no chunk, the second adds one; 4 matched words per side.
        double weightedMatches = 2 * 0.75 + 2 * 0.25;
        double weightedLength = 3 * 0.75 + 2 * 0.25;
        double fmean = weightedMatches / weightedLength;
        double expected = fmean * (1 - 0.6 * Math.pow(1 / 4.0, 0.2));
        assertEquals(expected, noSynonyms.corpus(refs, cands), EPS);
    }

    @Test
    void normalizerSplitsContractionsAndDashesLikeMeteor() {
        assertEquals("a horse ' s lead", MeteorNormalizer.normalize("a horse 's lead"));
        assertEquals("two people cross country skiing", MeteorNormalizer.normalize("two people cross-country skiing"));
        assertEquals("made in the us", MeteorNormalizer.normalize("made in the U.S."));
        assertEquals("dogs , cats and birds .", MeteorNormalizer.normalize("Dogs, cats and birds."));
    }

    @Test
    void wordNetSynonymsMatchWithWeightPointEight() {
        Meteor meteor = Meteor.english();
        // car and automobile share a noun synset; one content word each, one chunk.
        assertEquals(0.8, meteor.segment("car", List.of("automobile")), EPS);
    }

    @Test
    void wordNetSynonymsUseMeteorsBaseFormRules() {
        WordNetSynonyms syn = new WordNetSynonyms(org.unimoj.augment.wordnet.WordNet.shared());
        // "cars" is no lemma; METEOR's first suffix rule ("s" to "") gives "car".
        assertEquals("car", syn.morph("cars"));
        assertArrayEquals(syn.synsets("car"), keptIn(syn.synsets("cars"), syn.synsets("car")));
        // "geese" comes from WordNet's exception list.
        int[] geese = syn.synsets("geese");
        int[] goose = syn.synsets("goose");
        assertTrue(goose.length > 0);
        for (int id : goose) {
            assertTrue(java.util.Arrays.binarySearch(geese, id) >= 0, "goose synset " + id + " missing from geese");
        }
    }

    /** The ids of {@code b} that are also in {@code a} (both sorted). */
    private static int[] keptIn(int[] a, int[] b) {
        return java.util.Arrays.stream(b).filter(x -> java.util.Arrays.binarySearch(a, x) >= 0).toArray();
    }
}
