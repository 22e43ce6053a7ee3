package org.unimoj.augment.rewrite;

import java.util.Set;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.lexicon.WordClass;
import org.unimoj.augment.parse.ParsedCaption;

/** What the sentence-pattern rewriters need to know of a clause's subject. */
final class Clauses {

    private static final Set<String> DEFINITE = Set.of("the", "this", "that", "these", "those", "his", "her", "their", "its", "my", "your", "our");

    private Clauses() {}

    /** The determiner-like token that opens entity {@code e}'s phrase, or -1 (a bare noun: "dogs"). */
    static int determiner(ParsedCaption p, int e, Lexicon lexicon) {
        Span phrase = p.phrases().get(e);
        int at = phrase.start();
        if (at >= p.graph().objects().get(e).span().start()) {
            return -1;
        }
        WordClass c = lexicon.info(p.tokens().get(at)).closed();
        return c == WordClass.DETERMINER || c == WordClass.NUMBER || c == WordClass.QUANTIFIER || c == WordClass.NO ? at : -1;
    }

    /** Whether entity {@code e} is definite ("the dog", "his dog"): "not" negates it; an indefinite one takes "no". */
    static boolean definite(ParsedCaption p, int e, Lexicon lexicon) {
        int d = determiner(p, e, lexicon);
        return d >= 0 && (DEFINITE.contains(p.tokens().get(d)) || p.tokens().get(d).endsWith("'s"));
    }

    static boolean plural(ParsedCaption p, ParsedCaption.Clause c) {
        if (c.subjects().size() > 1) {
            return true;
        }
        SceneGraph.Entity e = p.graph().objects().get(c.subjects().get(0));
        return e.count() != 1;
    }
}
