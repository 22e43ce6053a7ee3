package org.unimoj.augment.lexicon;

/** The closed word classes of English captions; {@link #OPEN} for nouns, verbs, adjectives and adverbs. */
public enum WordClass {
    /** a, an, the, this, his, ... */
    DETERMINER,
    /** "no": a determiner that negates ("no man is riding a horse"). */
    NO,
    /** one .. twenty and digits. */
    NUMBER,
    /** some, several, many, both, ... (an unstated plural). */
    QUANTIFIER,
    /** Nouns that quantify the noun after "of": "a group of people", "a pair of shoes". */
    COLLECTIVE,
    /** is, are, was, were, be, am, been. */
    BE,
    /** being (of a progressive passive: "is being ridden by"). */
    BEING,
    /** does, do, did. */
    DO,
    /** not. */
    NOT,
    /** who, which, that, whose. */
    RELATIVE,
    /** and, or, but, while, as: join phrases or clauses. */
    CONJUNCTION,
    /** there (of "there is"). */
    THERE,
    /** he, she, it, they, ...: refer back; not new objects. */
    PRONOUN,
    /** in, on, with, ... (single-word prepositions; multi-word ones are in the predicate lexicon). */
    PREPOSITION,
    /** Nouns, verbs, adjectives, adverbs and unknown words. */
    OPEN
}
