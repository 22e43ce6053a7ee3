package org.unimoj.api.rewrite;

import org.unimoj.api.SpiVersion;

/**
 * A text-rewriting strategy, found with {@link java.util.ServiceLoader}: a jar lists its
 * implementation in {@code META-INF/services/org.unimoj.api.rewrite.RewriterProvider}. The no-argument
 * constructor must not do work; {@link #create} builds what the strategy needs.
 */
public interface RewriterProvider {

    /** Unique name, used in configuration and to tag each rewrite ("tfidf-negative", "object-swap", ...). */
    String name();

    Granularity granularity();

    Polarity polarity();

    String description();

    /** The SPI version this strategy was built for. */
    default int spiVersion() {
        return SpiVersion.CURRENT;
    }

    Rewriter create(RewriterContext context);
}
