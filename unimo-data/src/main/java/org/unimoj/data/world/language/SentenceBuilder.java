package org.unimoj.data.world.language;

import java.util.ArrayList;
import java.util.List;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.api.text.Span;

/**
 * Writes a sentence token by token (lower case, no punctuation: the Karpathy tokens) and records
 * its scene graph as it goes: each noun phrase becomes an entity spanning its head noun, each
 * adjective an attribute spanning itself, each predicate phrase a relation spanning its words.
 */
public final class SentenceBuilder {

    private final List<String> tokens = new ArrayList<>();
    private final List<SceneGraph.Entity> entities = new ArrayList<>();
    private final List<SceneGraph.Attribute> attributes = new ArrayList<>();
    private final List<SceneGraph.Relation> relations = new ArrayList<>();

    public void word(String... words) {
        for (String w : words) {
            for (String t : w.split(" ")) {
                tokens.add(t);
            }
        }
    }

    /** Appends words and returns their span. */
    public Span phrase(List<String> words) {
        int start = tokens.size();
        tokens.addAll(words);
        return new Span(start, tokens.size());
    }

    /** Writes a noun phrase; returns its entity index. */
    public int nounPhrase(NounPhrase np) {
        if (!np.determiner().isEmpty()) {
            if (np.determiner().equals("a")) {
                String next = np.adjectives().isEmpty() ? np.noun() : np.adjectives().get(0);
                tokens.add("aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a");
            } else {
                word(np.determiner());
            }
        }
        int entity = entities.size();
        List<int[]> adjSpans = new ArrayList<>();
        for (String a : np.adjectives()) {
            adjSpans.add(new int[] {tokens.size(), tokens.size() + 1});
            tokens.add(a);
        }
        int start = tokens.size();
        word(np.noun());
        entities.add(new SceneGraph.Entity(np.lemma(), np.count(), new Span(start, tokens.size())));
        for (int i = 0; i < adjSpans.size(); i++) {
            attributes.add(new SceneGraph.Attribute(entity, np.adjectives().get(i), new Span(adjSpans.get(i)[0], adjSpans.get(i)[1])));
        }
        return entity;
    }

    /** Adds a predicative adjective ("that is red") of {@code entity}. */
    public void adjective(int entity, String adjective) {
        int start = tokens.size();
        tokens.add(adjective);
        attributes.add(new SceneGraph.Attribute(entity, adjective, new Span(start, start + 1)));
    }

    public void relation(int subject, String predicate, int object, Span span) {
        relations.add(new SceneGraph.Relation(subject, predicate, object, span));
    }

    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** The sentence: first letter upper case, a final full stop. */
    public String raw() {
        String s = String.join(" ", tokens);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    public SceneGraph graph() {
        return new SceneGraph(tokens, entities, attributes, relations);
    }
}
