/**
 * The rewriter SPI: strategies that turn a caption into positives (same meaning) and hard
 * negatives (changed meaning) for cross-modal contrastive learning, each tagged with its
 * {@link org.unimoj.api.rewrite.Granularity} and {@link org.unimoj.api.rewrite.Polarity}.
 */
package org.unimoj.api.rewrite;
