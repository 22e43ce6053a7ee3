package org.unimoj.augment.lexicon;

import java.util.Map;

/**
 * English inflection by rule, with the exceptions captions meet: noun plurals, verb participles and
 * third-person forms, and the indefinite article. Used to regenerate a sentence after a rewrite.
 */
public final class Inflection {

    private static final Map<String, String> IRREGULAR_PLURALS = Map.ofEntries(
            Map.entry("man", "men"), Map.entry("woman", "women"), Map.entry("child", "children"), Map.entry("person", "people"),
            Map.entry("foot", "feet"), Map.entry("tooth", "teeth"), Map.entry("mouse", "mice"), Map.entry("goose", "geese"),
            Map.entry("sheep", "sheep"), Map.entry("deer", "deer"), Map.entry("fish", "fish"), Map.entry("ox", "oxen"),
            Map.entry("shelf", "shelves"), Map.entry("scarf", "scarves"), Map.entry("knife", "knives"), Map.entry("leaf", "leaves"),
            Map.entry("wolf", "wolves"), Map.entry("calf", "calves"), Map.entry("half", "halves"), Map.entry("life", "lives"),
            Map.entry("wife", "wives"), Map.entry("loaf", "loaves"), Map.entry("policeman", "policemen"),
            Map.entry("fireman", "firemen"), Map.entry("bus", "buses"), Map.entry("lady", "ladies"), Map.entry("guy", "guys"));

    private static final Map<String, String> IRREGULAR_PARTICIPLES = Map.of("lie", "lying", "die", "dying", "tie", "tying", "be", "being",
            "see", "seeing", "flee", "fleeing", "ski", "skiing");

    private Inflection() {}

    /** The plural of a noun lemma ("dog" to "dogs", "bus" to "buses", "man" to "men"). Multi-word lemmas inflect their last word. */
    public static String plural(String lemma) {
        int space = lemma.lastIndexOf(' ');
        if (space >= 0) {
            return lemma.substring(0, space + 1) + plural(lemma.substring(space + 1));
        }
        String irregular = IRREGULAR_PLURALS.get(lemma);
        if (irregular != null) {
            return irregular;
        }
        if (lemma.endsWith("man") && lemma.length() > 4) {
            return lemma.substring(0, lemma.length() - 3) + "men";
        }
        if (lemma.endsWith("s") || lemma.endsWith("x") || lemma.endsWith("z") || lemma.endsWith("ch") || lemma.endsWith("sh")) {
            return lemma + "es";
        }
        if (lemma.endsWith("y") && lemma.length() > 1 && !isVowel(lemma.charAt(lemma.length() - 2))) {
            return lemma.substring(0, lemma.length() - 1) + "ies";
        }
        return lemma + "s";
    }

    /** The present participle of a verb lemma ("ride" to "riding", "sit" to "sitting", "lie" to "lying"). */
    public static String participle(String lemma) {
        String irregular = IRREGULAR_PARTICIPLES.get(lemma);
        if (irregular != null) {
            return irregular;
        }
        if (lemma.endsWith("ie")) {
            return lemma.substring(0, lemma.length() - 2) + "ying";
        }
        if (lemma.endsWith("e") && !lemma.endsWith("ee") && !lemma.endsWith("ye") && !lemma.endsWith("oe") && lemma.length() > 2) {
            return lemma.substring(0, lemma.length() - 1) + "ing";
        }
        if (doublesFinalConsonant(lemma)) {
            return lemma + lemma.charAt(lemma.length() - 1) + "ing";
        }
        return lemma + "ing";
    }

    /** The third-person singular present ("ride" to "rides", "watch" to "watches", "carry" to "carries"). */
    public static String thirdPerson(String lemma) {
        if (lemma.equals("be")) {
            return "is";
        }
        if (lemma.equals("have")) {
            return "has";
        }
        if (lemma.equals("do") || lemma.equals("go")) {
            return lemma + "es";
        }
        if (lemma.endsWith("s") || lemma.endsWith("x") || lemma.endsWith("z") || lemma.endsWith("ch") || lemma.endsWith("sh")) {
            return lemma + "es";
        }
        if (lemma.endsWith("y") && lemma.length() > 1 && !isVowel(lemma.charAt(lemma.length() - 2))) {
            return lemma.substring(0, lemma.length() - 1) + "ies";
        }
        return lemma + "s";
    }

    /** "an" before a vowel sound as spelled (a rule of thumb: "an apple", "a umbrella" is wrong but rare), else "a". */
    public static String indefiniteArticle(String nextWord) {
        if (nextWord.isEmpty()) {
            return "a";
        }
        if (nextWord.startsWith("one") || nextWord.startsWith("uni") || nextWord.startsWith("use") || nextWord.startsWith("eu")) {
            return "a";
        }
        if (nextWord.startsWith("hour") || nextWord.startsWith("honest")) {
            return "an";
        }
        return isVowel(nextWord.charAt(0)) ? "an" : "a";
    }

    /** Monosyllables ending consonant-vowel-consonant double it ("run", "sit", "swim"); "w", "x", "y" never double. */
    private static boolean doublesFinalConsonant(String w) {
        int n = w.length();
        if (n < 3) {
            return false;
        }
        char c = w.charAt(n - 1);
        if (isVowel(c) || c == 'w' || c == 'x' || c == 'y') {
            return false;
        }
        if (!isVowel(w.charAt(n - 2)) || isVowel(w.charAt(n - 3))) {
            return false;
        }
        int groups = 0;
        boolean inVowel = false;
        for (int i = 0; i < n; i++) {
            boolean v = isVowel(w.charAt(i));
            if (v && !inVowel) {
                groups++;
            }
            inVowel = v;
        }
        return groups == 1;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
