package org.unimoj.tasks.metrics.spice;

import java.util.Arrays;
import java.util.List;

/**
 * A semantic proposition of a scene graph: an object {@code (dog)}, an attribute {@code (dog, brown)}
 * or a relation {@code (dog, chase, ball)}, each element a lemma with its synsets.
 */
public record SpiceTuple(List<Concept> elements) {

    public SpiceTuple {
        elements = List.copyOf(elements);
    }

    /** A lemma and its synsets (sorted). */
    public record Concept(String lemma, long[] synsets) {

        /** Equal lemmas or a shared synset. */
        boolean similarTo(Concept o) {
            if (lemma.equals(o.lemma)) {
                return true;
            }
            int i = 0;
            int j = 0;
            while (i < synsets.length && j < o.synsets.length) {
                if (synsets[i] == o.synsets[j]) {
                    return true;
                }
                if (synsets[i] < o.synsets[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Concept c && lemma.equals(c.lemma) && Arrays.equals(synsets, c.synsets);
        }

        @Override
        public int hashCode() {
            return lemma.hashCode() * 31 + Arrays.hashCode(synsets);
        }

        @Override
        public String toString() {
            return lemma;
        }
    }

    /** Same arity and every element similar. */
    boolean similarTo(SpiceTuple o) {
        if (elements.size() != o.elements.size()) {
            return false;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).similarTo(o.elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The lemmas joined, used to merge duplicates and to order tuples repeatably. */
    String key() {
        StringBuilder sb = new StringBuilder();
        for (Concept c : elements) {
            sb.append(c.lemma()).append('\u0000');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
