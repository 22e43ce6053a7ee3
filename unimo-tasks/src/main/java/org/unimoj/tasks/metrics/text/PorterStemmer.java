package org.unimoj.tasks.metrics.text;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer as NLTK implements it in its default {@code NLTK_EXTENSIONS} mode, which is the
 * stemmer the {@code rouge-score} package uses ({@code nltk.stem.porter.PorterStemmer()}). NLTK's
 * extensions to Porter (1980): a table of irregular forms ("dying" to "die"), words of one or two
 * letters left alone, "ies"/"ied" of four-letter words kept as "ie", "y" to "i" only after a
 * consonant that is not the first letter, "alli" handled before the other step-2 rules, and the
 * extra "fulli" and "logi" rules. Thread-safe (no state).
 */
public final class PorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"), Map.entry("dying", "die"), Map.entry("lying", "lie"),
            Map.entry("tying", "tie"), Map.entry("news", "news"), Map.entry("innings", "inning"),
            Map.entry("inning", "inning"), Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"), Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

    /** The stem of {@code word}, lowercased first. */
    public String stem(String word) {
        String stem = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return stem;
        }
        stem = step1a(stem);
        stem = step1b(stem);
        stem = step1c(stem);
        stem = step2(stem);
        stem = step3(stem);
        stem = step4(stem);
        stem = step5a(stem);
        stem = step5b(stem);
        return stem;
    }

    private static boolean isConsonant(String w, int i) {
        char c = w.charAt(i);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            return false;
        }
        if (c == 'y') {
            return i == 0 || !isConsonant(w, i - 1);
        }
        return true;
    }

    /** Porter's m: the number of vowel-consonant sequences. */
    private static int measure(String stem) {
        int m = 0;
        boolean prevVowel = false;
        for (int i = 0; i < stem.length(); i++) {
            boolean consonant = isConsonant(stem, i);
            if (consonant && prevVowel) {
                m++;
            }
            prevVowel = !consonant;
        }
        return m;
    }

    private static boolean positiveMeasure(String stem) {
        return measure(stem) > 0;
    }

    private static boolean containsVowel(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            if (!isConsonant(stem, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String w) {
        int n = w.length();
        return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
    }

    /** Porter's *o, with NLTK's extension for two-letter vowel-consonant stems. */
    private static boolean endsCvc(String w) {
        int n = w.length();
        if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1)) {
            char last = w.charAt(n - 1);
            if (last != 'w' && last != 'x' && last != 'y') {
                return true;
            }
        }
        return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
    }

    /** A suffix rule: suffix, replacement, condition on the remaining stem (null: unconditional). */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    /** The first rule whose suffix matches decides: applied if its condition holds, else the word is kept. */
    private static String applyRules(String word, Rule... rules) {
        for (Rule r : rules) {
            if (r.suffix.equals("*d") && endsDoubleConsonant(word)) {
                String stem = word.substring(0, word.length() - 2);
                if (r.condition == null || r.condition.test(stem)) {
                    return stem + r.replacement;
                }
                return word;
            }
            if (word.endsWith(r.suffix)) {
                String stem = word.substring(0, word.length() - r.suffix.length());
                if (r.condition == null || r.condition.test(stem)) {
                    return stem + r.replacement;
                }
                return word;
            }
        }
        return word;
    }

    private static String step1a(String w) {
        if (w.endsWith("ies") && w.length() == 4) {
            return w.substring(0, w.length() - 3) + "ie";
        }
        return applyRules(w,
                new Rule("sses", "ss", null),
                new Rule("ies", "i", null),
                new Rule("ss", "ss", null),
                new Rule("s", "", null));
    }

    private static String step1b(String w) {
        if (w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + (w.length() == 4 ? "ie" : "i");
        }
        if (w.endsWith("eed")) {
            String stem = w.substring(0, w.length() - 3);
            return measure(stem) > 0 ? stem + "ee" : w;
        }
        String intermediate = null;
        for (String suffix : new String[] {"ed", "ing"}) {
            if (w.endsWith(suffix)) {
                String s = w.substring(0, w.length() - suffix.length());
                if (containsVowel(s)) {
                    intermediate = s;
                    break;
                }
            }
        }
        if (intermediate == null) {
            return w;
        }
        final String stem = intermediate; // never empty: it contains a vowel
        char last = stem.charAt(stem.length() - 1);
        return applyRules(stem,
                new Rule("at", "ate", null),
                new Rule("bl", "ble", null),
                new Rule("iz", "ize", null),
                new Rule("*d", String.valueOf(last), s -> last != 'l' && last != 's' && last != 'z'),
                new Rule("", "e", s -> measure(s) == 1 && endsCvc(s)));
    }

    private static String step1c(String w) {
        return applyRules(w, new Rule("y", "i", s -> s.length() > 1 && isConsonant(s, s.length() - 1)));
    }

    private static String step2(String w) {
        if (w.endsWith("alli") && positiveMeasure(w.substring(0, w.length() - 4))) {
            return step2(w.substring(0, w.length() - 4) + "al");
        }
        Predicate<String> pos = PorterStemmer::positiveMeasure;
        return applyRules(w,
                new Rule("ational", "ate", pos),
                new Rule("tional", "tion", pos),
                new Rule("enci", "ence", pos),
                new Rule("anci", "ance", pos),
                new Rule("izer", "ize", pos),
                new Rule("bli", "ble", pos),
                new Rule("alli", "al", pos),
                new Rule("entli", "ent", pos),
                new Rule("eli", "e", pos),
                new Rule("ousli", "ous", pos),
                new Rule("ization", "ize", pos),
                new Rule("ation", "ate", pos),
                new Rule("ator", "ate", pos),
                new Rule("alism", "al", pos),
                new Rule("iveness", "ive", pos),
                new Rule("fulness", "ful", pos),
                new Rule("ousness", "ous", pos),
                new Rule("aliti", "al", pos),
                new Rule("iviti", "ive", pos),
                new Rule("biliti", "ble", pos),
                new Rule("fulli", "ful", pos),
                // The "l" of "logi" stays with the stem for the measure, so "geo-logi" works like "archaeo-logi".
                new Rule("logi", "log", s -> positiveMeasure(w.substring(0, w.length() - 3))));
    }

    private static String step3(String w) {
        Predicate<String> pos = PorterStemmer::positiveMeasure;
        return applyRules(w,
                new Rule("icate", "ic", pos),
                new Rule("ative", "", pos),
                new Rule("alize", "al", pos),
                new Rule("iciti", "ic", pos),
                new Rule("ical", "ic", pos),
                new Rule("ful", "", pos),
                new Rule("ness", "", pos));
    }

    private static String step4(String w) {
        Predicate<String> gt1 = s -> measure(s) > 1;
        return applyRules(w,
                new Rule("al", "", gt1),
                new Rule("ance", "", gt1),
                new Rule("ence", "", gt1),
                new Rule("er", "", gt1),
                new Rule("ic", "", gt1),
                new Rule("able", "", gt1),
                new Rule("ible", "", gt1),
                new Rule("ant", "", gt1),
                new Rule("ement", "", gt1),
                new Rule("ment", "", gt1),
                new Rule("ent", "", gt1),
                new Rule("ion", "", s -> measure(s) > 1 && !s.isEmpty() && (s.endsWith("s") || s.endsWith("t"))),
                new Rule("ou", "", gt1),
                new Rule("ism", "", gt1),
                new Rule("ate", "", gt1),
                new Rule("iti", "", gt1),
                new Rule("ous", "", gt1),
                new Rule("ive", "", gt1),
                new Rule("ize", "", gt1));
    }

    private static String step5a(String w) {
        if (w.endsWith("e")) {
            String stem = w.substring(0, w.length() - 1);
            int m = measure(stem);
            if (m > 1) {
                return stem;
            }
            if (m == 1 && !endsCvc(stem)) {
                return stem;
            }
        }
        return w;
    }

    private static String step5b(String w) {
        return applyRules(w, new Rule("ll", "l", s -> measure(w.substring(0, w.length() - 1)) > 1));
    }
}
