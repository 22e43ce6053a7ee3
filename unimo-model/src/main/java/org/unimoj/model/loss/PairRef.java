package org.unimoj.model.loss;

/**
 * An (image, text) pair whose similarity CMCL scores: row {@code image} of the image vectors and
 * row {@code text} of the text vectors. A jointly encoded pair points both at the same example; a
 * retrieved image pairs its own row with the anchor's text, a retrieved text the anchor's image
 * with its own row.
 */
public record PairRef(int image, int text) {
    public PairRef {
        if (image < 0 || text < 0) {
            throw new IllegalArgumentException("pair rows must be non-negative, got (" + image + ", " + text + ")");
        }
    }
}
