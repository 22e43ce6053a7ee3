package org.unimoj.augment.lexicon;

/** The form of a verb as written. */
public enum VerbForm {
    /** The bare form, also the plural present: "ride". */
    BASE,
    /** Third person singular present: "rides". */
    THIRD_PERSON,
    /** Present participle: "riding". */
    PARTICIPLE,
    /** Past tense or past participle: "rode", "ridden", "looked". */
    PAST
}
