package org.unimoj.augment.wordnet;

import java.util.List;
import net.sf.extjwnl.data.POS;

/**
 * One WordNet synset: its words (lemmas, lowercase, in WordNet's order), its pointers to other
 * synsets and its gloss.
 *
 * @param pos      part of speech (adjective satellites count as adjectives)
 * @param offset   its byte offset in the data file, WordNet's id for it
 * @param words    its lemmas
 * @param pointers its semantic and lexical pointers ("@" hypernym, "~" hyponym, "&" similar to, "!" antonym, ...)
 * @param gloss    the definition and examples
 */
public record Synset(POS pos, long offset, List<String> words, List<Pointer> pointers, String gloss) {

    public Synset {
        words = List.copyOf(words);
        pointers = List.copyOf(pointers);
    }

    /** A pointer: its WordNet symbol and its target synset. */
    public record Pointer(String symbol, POS pos, long offset) {}
}
