package org.unimoj.augment.lexicon;

/** How a predicate is worded where it occurs. */
public enum PredicateForm {
    /** After "is/are", in a reduced modifier or a relative clause: "riding", "next to", "sitting on". */
    PARTICIPLE,
    /** Finite, singular subject: "rides", "sits on". */
    THIRD_PERSON,
    /** Finite, plural subject (also the bare form after "does"): "ride", "sit on". */
    PLURAL_PRESENT,
    /** Passive with its "by": "ridden by" (the relation's subject follows it). */
    PASSIVE,
    /** Simple past: "jumped over" (real captions only). */
    PAST
}
