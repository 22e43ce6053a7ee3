package org.unimoj.augment.lexicon;

/**
 * What the lexicon knows of one word out of context: its closed class, or its readings as a noun, an
 * adjective, a verb and an adverb, with SemCor tag counts that say which reading is usual.
 *
 * @param word          the word as written (lower case)
 * @param closed        its closed class, {@link WordClass#OPEN} if none
 * @param nounLemma     the lemma as a noun ("dogs" to "dog", "people" to "person"), or null
 * @param plural        whether the noun reading is plural
 * @param nounTags      SemCor-tagged senses of the noun reading (-1 when not a WordNet noun)
 * @param adjective     whether it can be an adjective (WordNet or the domain vocabulary)
 * @param adjectiveTags SemCor-tagged senses as an adjective
 * @param verbLemma     the lemma as a verb ("riding" to "ride"), or null
 * @param verbForm      the form of the verb reading, or null
 * @param verbTags      SemCor-tagged senses of the verb reading
 * @param adverb        whether it is only an adverb (no noun, verb or adjective reading)
 * @param domain        whether the domain vocabulary knows it (its readings then win over WordNet's)
 */
public record WordInfo(String word, WordClass closed, String nounLemma, boolean plural, int nounTags, boolean adjective, int adjectiveTags,
                       String verbLemma, VerbForm verbForm, int verbTags, boolean adverb, boolean domain) {

    public boolean isNoun() {
        return nounLemma != null;
    }

    public boolean isVerb() {
        return verbLemma != null;
    }

    public boolean isOpen() {
        return closed == WordClass.OPEN;
    }

    /** Whether the word has any reading at all (else it is unknown: a name, a typo, a foreign word). */
    public boolean known() {
        return !isOpen() || isNoun() || isVerb() || adjective || adverb;
    }
}
