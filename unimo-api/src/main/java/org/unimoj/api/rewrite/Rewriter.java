package org.unimoj.api.rewrite;

import java.util.List;
import java.util.random.RandomGenerator;

/** A created rewriting strategy. Must be thread-safe: augmenters call it from several threads. */
public interface Rewriter {

    /**
     * Rewrites of one caption; possibly none when the strategy does not apply (no attribute to drop,
     * no asymmetric relation to swap). All randomness comes from {@code random}, so a seeded run
     * is repeatable.
     */
    List<Rewrite> rewrite(RewriteRequest request, RandomGenerator random);
}
