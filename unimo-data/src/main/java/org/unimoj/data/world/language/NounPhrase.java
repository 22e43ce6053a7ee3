package org.unimoj.data.world.language;

import java.util.List;

/**
 * A noun phrase to write: determiner, adjectives (as written), the noun as written and its lemma,
 * and the count it states (1 singular; n for a numeral; 0 for an unstated plural).
 *
 * @param determiner "a" (written "a" or "an"), "the", a numeral word, "some", "several", or "" (bare plural)
 */
public record NounPhrase(String determiner, List<String> adjectives, String noun, String lemma, int count) {
    public NounPhrase {
        adjectives = List.copyOf(adjectives);
    }

    public boolean plural() {
        return count != 1;
    }

    public NounPhrase withAdjectives(List<String> adjs) {
        return new NounPhrase(determiner, adjs, noun, lemma, count);
    }
}
