package org.unimoj.augment.wordnet;

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
import org.unimoj.augment.SharedFiles;


/** The WordNet tables read from the data files agree with extJWNL's own dictionary lookups. */
class WordNetTest {

    @Test
    void tablesAgreeWithExtjwnlOnTheFlickr8kVocabularyAndExceptionForms() throws Exception {
        Set<String> words = new TreeSet<>();
        SharedFiles.flickr8k().forEach(
                c -> words.addAll(List.of(c.text().toLowerCase().replaceAll("[^a-z0-9' -]", " ").trim().split("\\s+"))));
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

    @Test
    void morphologySynsetsAndHypernymsAgreeWithExtjwnl() throws Exception {
        WordNet ours = WordNet.shared();
        Dictionary d = Dictionary.getDefaultResourceInstance();
        List<String> words = List.of("dogs", "riding", "ridden", "sat", "sitting", "women", "children", "boxes", "bigger", "happiest",
                "glasses", "stairs", "people", "runs", "running", "jumped", "ate", "geese", "leaves", "buses", "mice", "carried", "holds");
        List<String> misses = new ArrayList<>();
        for (String w : words) {
            for (POS pos : POS.getAllPOS()) {
                List<String> expected = new ArrayList<>(d.getMorphologicalProcessor().lookupAllBaseForms(pos, w));
                List<String> got = ours.baseForms(pos, w);
                if (!new TreeSet<>(expected).equals(new TreeSet<>(got))) {
                    misses.add(pos.getLabel() + " " + w + ": extjwnl " + expected + ", ours " + got);
                }
            }
        }
        int synsetsChecked = 0;
        for (String w : List.of("dog", "couch", "big", "ride", "hold", "glass", "man", "red", "bicycle", "quickly")) {
            for (POS pos : POS.getAllPOS()) {
                IndexWord iw = d.getIndexWord(pos, w);
                if (iw == null) {
                    continue;
                }
                for (net.sf.extjwnl.data.Synset s : iw.getSenses()) {
                    Synset mine = ours.synset(pos, s.getOffset());
                    List<String> lemmas = new ArrayList<>();
                    s.getWords().forEach(x -> lemmas.add(x.getLemma().toLowerCase()));
                    if (!lemmas.equals(mine.words())) {
                        misses.add("words of " + pos.getLabel() + " " + s.getOffset() + ": extjwnl " + lemmas + ", ours " + mine.words());
                    }
                    List<String> pointers = new ArrayList<>();
                    for (net.sf.extjwnl.data.Pointer p : s.getPointers()) {
                        pointers.add(p.getType().getKey() + " " + p.getTargetOffset());
                    }
                    List<String> minePointers = new ArrayList<>();
                    mine.pointers().forEach(p -> minePointers.add(p.symbol() + " " + p.offset()));
                    if (!pointers.equals(minePointers)) {
                        misses.add("pointers of " + pos.getLabel() + " " + s.getOffset() + ": extjwnl " + pointers + ", ours " + minePointers);
                    }
                    synsetsChecked++;
                }
            }
        }
        d.close();
        assertEquals(List.of(), misses);
        assertTrue(synsetsChecked > 60, "synsets checked: " + synsetsChecked);
        assertTrue(ours.isHypernym(POS.NOUN, "animal", "dog"));
        assertTrue(ours.isHypernym(POS.NOUN, "vehicle", "bicycle"));
        assertTrue(ours.isHypernym(POS.NOUN, "person", "woman"));
        assertTrue(!ours.isHypernym(POS.NOUN, "dog", "animal"));
        assertTrue(!ours.isHypernym(POS.NOUN, "cat", "dog"));
        assertTrue(ours.shareSynset(POS.NOUN, "couch", "sofa", 1));
        assertTrue(ours.shareSynset(POS.ADJECTIVE, "big", "large", 1));
        assertTrue(!ours.shareSynset(POS.NOUN, "cat", "dog", 10));
        assertTrue(ours.taggedSenses(POS.VERB, "run") > ours.taggedSenses(POS.NOUN, "run"));
    }
}
