package org.unimoj.augment.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-word predicate wordings ("to the left of", "looked at by", "sits on"), each with its canonical
 * predicate and its form, matched longest first at a position of a token list. Immutable.
 */
public final class PredicateLexicon {

    /** One wording that matched: how many tokens, which predicate, in which form. */
    public record Match(int length, String predicate, PredicateForm form) {}

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        final List<Match> matches = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final Map<String, Predicate> predicates = new LinkedHashMap<>();

    void add(List<String> words, String predicate, PredicateForm form) {
        if (words.isEmpty()) {
            return;
        }
        Node n = root;
        for (String w : words) {
            n = n.next.computeIfAbsent(w, k -> new Node());
        }
        Match m = new Match(words.size(), predicate, form);
        if (!n.matches.contains(m)) {
            n.matches.add(m);
        }
    }

    void define(Predicate p) {
        predicates.putIfAbsent(p.name(), p);
    }

    /** Every wording that starts at {@code from}, longest first. */
    public List<Match> matchesAt(List<String> tokens, int from) {
        List<Match> out = new ArrayList<>(2);
        Node n = root;
        List<List<Match>> found = new ArrayList<>(4);
        for (int i = from; i < tokens.size(); i++) {
            n = n.next.get(tokens.get(i));
            if (n == null) {
                break;
            }
            if (!n.matches.isEmpty()) {
                found.add(n.matches);
            }
        }
        for (int k = found.size() - 1; k >= 0; k--) {
            out.addAll(found.get(k));
        }
        return out;
    }

    /** The predicate defined with name {@code name}, or null. */
    public Predicate predicate(String name) {
        return predicates.get(name);
    }

    public List<Predicate> predicates() {
        return List.copyOf(predicates.values());
    }
}
