package org.unimoj.tasks.metrics.meteor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.SharedData;
import org.unimoj.tasks.metrics.SharedData.CaptionFixture;
import org.unimoj.augment.wordnet.WordNet;

/** The aligner's synonym index gives the same alignments as comparing every word pair. */
class MeteorAlignerTest {

    @Test
    void indexedSynonymMatchingEqualsPairwiseMatching() {
        MeteorAligner aligner = new MeteorAligner(new WordNetSynonyms(WordNet.shared()));
        CaptionFixture f = SharedData.captionFixture();
        List<String> sentences = new ArrayList<>(f.candidates().values());
        f.references().values().forEach(sentences::addAll);
        int synonymMatches = 0;
        for (int k = 0; k + 1 < sentences.size(); k += 2) {
            List<String> t = List.of(sentences.get(k).split(" "));
            List<String> r = List.of(sentences.get(k + 1).split(" "));
            MeteorAligner.Alignment indexed = aligner.align(aligner.testWords(t), aligner.words(r));
            MeteorAligner.Alignment pairwise = aligner.align(aligner.words(t), aligner.words(r));
            assertArrayEquals(pairwise.matches(), indexed.matches(), t + " / " + r);
            assertEquals(pairwise.chunks(), indexed.chunks());
            for (MeteorAligner.Match m : indexed.matches()) {
                synonymMatches += m != null && m.module() == MeteorAligner.SYNONYM ? 1 : 0;
            }
        }
        assertTrue(synonymMatches > 0, "no synonym match was exercised");
    }
}
