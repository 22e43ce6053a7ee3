package org.unimoj.data.world.language;

import java.util.Set;

/** A noun phrase and the scene objects it is meant to denote (one object, or a whole group), in id order. */
public record Mention(NounPhrase phrase, Set<Integer> objects) {
    public Mention {
        objects = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(objects));
    }

    public boolean plural() {
        return phrase.plural();
    }
}
