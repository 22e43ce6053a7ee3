package org.unimoj.api.data;

import java.util.Objects;

/** One unit of a text-only corpus (a sentence or a short passage) with a stable id. */
public record TextRecord(String id, String text) {
    public TextRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
