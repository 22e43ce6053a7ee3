package org.unimoj.data.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;
import org.unimoj.data.scene.Vocabulary;

/**
 * Checks that a ground-truth graph says exactly what its words say: every entity's span is the
 * noun it names (singular for count 1, plural otherwise, with the numeral before it), every
 * attribute's span its adjective, every relation's span a wording of its predicate, and every
 * word outside the spans a grammar word. So nothing in the sentence is left unlabelled.
 */
final class GraphWords {

    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "some", "several", "two", "three", "four", "five", "there", "is", "are",
            "being", "who", "that", "which", "and", "picture", "photo", "image", "view", "of");

    private GraphWords() {}

    static String words(List<String> tokens, Span s) {
        return String.join(" ", tokens.subList(s.start(), s.end()));
    }

    static void check(SceneGraph g, String where) {
        Vocabulary v = Vocabulary.WORLD;
        List<String> t = g.tokens();
        Set<Integer> covered = new HashSet<>();
        for (SceneGraph.Entity e : g.objects()) {
            String w = words(t, e.span());
            Vocabulary.Noun noun = v.noun(w);
            assertNotNull(noun, where + ": entity word '" + w + "' is not a noun of the world");
            assertEquals(noun.lemma(), e.name(), where + ": entity name");
            if (e.count() == 1) {
                assertEquals(noun.lemma(), w, where + ": singular entity written as plural");
            } else {
                assertEquals(noun.plural(), w, where + ": plural entity written as singular");
            }
            int before = e.span().start() - 1;
            while (before >= 0 && v.adjective(t.get(before)) != null) {
                before--;
            }
            if (e.count() >= 2) {
                assertTrue(before >= 0 && Integer.valueOf(e.count()).equals(Vocabulary.NUMBERS.get(t.get(before))),
                        where + ": count " + e.count() + " without its numeral");
            }
            for (int i = e.span().start(); i < e.span().end(); i++) {
                covered.add(i);
            }
        }
        for (SceneGraph.Attribute a : g.attributes()) {
            assertEquals(1, a.span().length(), where + ": adjective span");
            assertEquals(a.value(), t.get(a.span().start()), where + ": attribute value");
            assertNotNull(v.adjective(a.value()), where + ": '" + a.value() + "' is not an adjective of the world");
            covered.add(a.span().start());
        }
        for (SceneGraph.Relation r : g.relations()) {
            Vocabulary.Predicate p = v.predicate(r.predicate());
            assertNotNull(p, where + ": unknown predicate " + r.predicate());
            String w = words(t, r.span());
            boolean ok = false;
            for (Vocabulary.Wording x : p.wordings()) {
                for (List<String> form : List.of(x.participle(), x.present3(), x.presentPl(), x.passive())) {
                    ok |= !form.isEmpty() && String.join(" ", form).equals(w);
                }
            }
            assertTrue(ok, where + ": '" + w + "' is not a wording of " + r.predicate());
            for (int i = r.span().start(); i < r.span().end(); i++) {
                covered.add(i);
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (!covered.contains(i)) {
                assertTrue(FUNCTION_WORDS.contains(t.get(i)), where + ": word '" + t.get(i) + "' at " + i + " is in no span and not a grammar word");
            }
        }
    }
}
