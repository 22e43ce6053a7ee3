package org.unimoj.augment.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.unimoj.augment.lexicon.Inflection;
import org.unimoj.augment.lexicon.Lexicon;

/** Token-list edits that keep a sentence grammatical: replace, insert, delete, then fix articles and relative pronouns. */
public final class Edits {

    private Edits() {}

    /** {@code tokens} with {@code [start, end)} replaced by {@code with}. */
    public static List<String> replace(List<String> tokens, int start, int end, List<String> with) {
        List<String> out = new ArrayList<>(tokens.size() + with.size());
        out.addAll(tokens.subList(0, start));
        out.addAll(with);
        out.addAll(tokens.subList(end, tokens.size()));
        return out;
    }

    public static List<String> insert(List<String> tokens, int at, List<String> words) {
        return replace(tokens, at, at, words);
    }

    public static List<String> delete(List<String> tokens, int start, int end) {
        return replace(tokens, start, end, List.of());
    }

    /** "a" or "an" as the next word wants, in place. */
    public static List<String> fixArticles(List<String> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("a") || t.equals("an")) {
                tokens.set(i, Inflection.indefiniteArticle(tokens.get(i + 1)));
            }
        }
        return tokens;
    }

    /** "who" after a noun of a person, "which" after another noun, for the relative pronoun at {@code at} (if any). */
    public static void fixRelativePronoun(List<String> tokens, int at, String headLemma, Lexicon lexicon) {
        if (at < 0 || at >= tokens.size()) {
            return;
        }
        String t = tokens.get(at);
        boolean person = lexicon.isPerson(headLemma);
        if (t.equals("who") && !person) {
            tokens.set(at, "which");
        } else if (t.equals("which") && person) {
            tokens.set(at, "who");
        }
    }

    /** "is" or "are". */
    public static String be(boolean plural) {
        return plural ? "are" : "is";
    }
}
