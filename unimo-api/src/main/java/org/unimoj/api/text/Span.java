package org.unimoj.api.text;

/** A half-open range of token positions {@code [start, end)} in a tokenized sentence. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
