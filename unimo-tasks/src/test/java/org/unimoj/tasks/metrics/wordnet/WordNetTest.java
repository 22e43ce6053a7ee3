package org.unimoj.tasks.metrics.wordnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.Test;
import org.unimoj.tasks.metrics.SharedData;

/** The WordNet tables read from the data files agree with extJWNL's own dictionary lookups. */
class WordNetTest {

    @Test
    void tablesAgreeWithExtjwnlOnTheFlickr8kVocabularyAndExceptionForms() throws Exception {
        Set<String> words = new TreeSet<>();
        SharedData.flickr8k().values().forEach(caps -> caps.forEach(
                c -> words.addAll(List.of(c.toLowerCase().replaceAll("[^a-z0-9' -]", " ").trim().split("\\s+")))));
        words.addAll(List.of("ice cream", "look at", "geese", "mice", "ran", "better", "oxen", "aardwolves"));
        WordNet ours = WordNet.shared();
        Dictionary d = Dictionary.getDefaultResourceInstance();
        List<String> misses = new ArrayList<>();
        int withSenses = 0;
        for (String w : words) {
            for (POS pos : POS.getAllPOS()) {
                IndexWord iw = d.getIndexWord(pos, w);
                long[] expected = iw == null ? new long[0] : iw.getSynsetOffsets();
                if (!java.util.Arrays.equals(expected, ours.offsets(pos, w))) {
                    misses.add(pos + " " + w);
                }
                withSenses += expected.length > 0 ? 1 : 0;
            }
            List<String> bases = new ArrayList<>();
            for (POS pos : POS.getAllPOS()) {
                Exc e = d.getException(pos, w);
                if (e != null) {
                    bases.addAll(e.getExceptions());
                }
            }
            if (!bases.equals(ours.exceptionBases(w))) {
                misses.add("exceptions of " + w + ": extjwnl " + bases + ", ours " + ours.exceptionBases(w));
            }
        }
        d.close();
        System.out.println("wordnet: " + words.size() + " words, " + withSenses + " (word, POS) entries checked against extJWNL");
        assertEquals(List.of(), misses);
        assertTrue(withSenses > 5000, "too few entries found: " + withSenses);
        assertArrayEquals(new long[0], ours.offsets(POS.NOUN, "qwzxv"));
        assertEquals(List.of("goose"), ours.exceptionBases("geese"));
    }
}
