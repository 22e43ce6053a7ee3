package org.unimoj.tasks.metrics.meteor;

/**
 * The synonym sets of a word for METEOR's synonym module: two different words match when their sets
 * intersect. Implementations must be thread-safe.
 */
public interface MeteorSynonyms {

    /** The synset ids of {@code word} (lowercase), sorted ascending, without duplicates; empty if none. */
    int[] synsets(String word);

    /** No synonym data: the synonym module then never matches. */
    MeteorSynonyms NONE = word -> new int[0];
}
