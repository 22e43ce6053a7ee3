package org.unimoj.api.rewrite;

import java.util.Objects;

/**
 * One rewritten caption.
 *
 * @param text        the new sentence
 * @param rewriter    the name of the strategy that made it
 * @param granularity what level it changed
 * @param polarity    whether it is still true of the image
 * @param detail      what changed, for people ("dog -> cat", "swap subject/object of 'riding'")
 */
public record Rewrite(String text, String rewriter, Granularity granularity, Polarity polarity, String detail) {
    public Rewrite {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rewriter, "rewriter");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(polarity, "polarity");
        detail = detail == null ? "" : detail;
    }
}
