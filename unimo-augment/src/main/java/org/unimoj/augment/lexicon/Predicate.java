package org.unimoj.augment.lexicon;

import java.util.List;

/**
 * A relation predicate with the words of each form, for writing it in a rewritten sentence.
 *
 * @param name          canonical name ("riding", "on top of", "climbing up")
 * @param spatial       whether it is a preposition of place (no verb forms)
 * @param symmetric     whether {@code p(a, b)} implies {@code p(b, a)} ("next to")
 * @param participle    the words after "is/are" ("riding", "next to")
 * @param progressive   whether "is/are" + participle is grammatical ("is belonging to" is not)
 * @param thirdPerson   finite, singular subject ("rides"); empty when there is no verb
 * @param pluralPresent finite, plural subject ("ride"); empty when there is no verb
 * @param passive       passive with "by" ("ridden by"); empty when there is none
 */
public record Predicate(String name, boolean spatial, boolean symmetric, List<String> participle, boolean progressive,
                        List<String> thirdPerson, List<String> pluralPresent, List<String> passive) {

    public Predicate {
        participle = List.copyOf(participle);
        thirdPerson = List.copyOf(thirdPerson);
        pluralPresent = List.copyOf(pluralPresent);
        passive = List.copyOf(passive);
    }

    /** The words of {@code form}, empty when the predicate has no such form. */
    public List<String> words(PredicateForm form) {
        return switch (form) {
            case PARTICIPLE -> participle;
            case THIRD_PERSON -> thirdPerson;
            case PLURAL_PRESENT, PAST -> pluralPresent;
            case PASSIVE -> passive;
        };
    }

    public boolean hasVerb() {
        return !thirdPerson.isEmpty();
    }
}
