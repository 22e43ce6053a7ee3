package org.unimoj.augment.rewrite;

import java.util.Objects;
import org.unimoj.api.rewrite.Granularity;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.RewriterProvider;

/**
 * A rewriter provider whose name, granularity, polarity and description are fixed when it is made;
 * subclasses only say how to {@link #create} their rewriter. Each still has the public no-argument
 * constructor ServiceLoader needs.
 */
abstract class DescribedRewriter implements RewriterProvider {

    private final String name;
    private final Granularity granularity;
    private final Polarity polarity;
    private final String description;

    DescribedRewriter(String name, Granularity granularity, Polarity polarity, String description) {
        this.name = Objects.requireNonNull(name);
        this.granularity = Objects.requireNonNull(granularity);
        this.polarity = Objects.requireNonNull(polarity);
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Granularity granularity() {
        return granularity;
    }

    @Override
    public final Polarity polarity() {
        return polarity;
    }

    @Override
    public final String description() {
        return description;
    }
}
