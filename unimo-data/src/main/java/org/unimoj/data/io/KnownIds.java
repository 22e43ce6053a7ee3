package org.unimoj.data.io;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ids another file defines (the images of a feature file, say), so that a reader can check
 * that the ids it meets resolve. {@link #ANY} checks nothing.
 *
 * @param contains whether an id is known
 * @param source   where the ids come from, for messages ("features/train.tsv")
 */
public record KnownIds(Predicate<String> contains, String source) {

    public static final KnownIds ANY = new KnownIds(id -> true, "anything");

    public KnownIds {
        Objects.requireNonNull(contains, "contains");
        Objects.requireNonNull(source, "source");
    }

    public static KnownIds of(Set<String> ids, String source) {
        return new KnownIds(ids::contains, source);
    }

    /** Checks {@code id}; an unknown one is a problem of {@code field}. */
    public void check(String id, String field) throws RecordProblem {
        if (!contains.test(id)) {
            throw new RecordProblem(field, "unknown image id '" + id + "' (not in " + source + ")");
        }
    }
}
