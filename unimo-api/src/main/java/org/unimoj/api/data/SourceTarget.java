package org.unimoj.api.data;

import java.util.Objects;

/** One sequence-to-sequence example (summarization, question generation): a source text and its target. */
public record SourceTarget(String id, String source, String target) {
    public SourceTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
