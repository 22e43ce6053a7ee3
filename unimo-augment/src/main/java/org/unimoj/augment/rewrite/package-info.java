/**
 * The rewriters, each a {@link org.unimoj.api.rewrite.RewriterProvider} listed in this module's
 * {@code META-INF/services}: the paper's multi-granularity rewriting (paraphrase and TF-IDF negatives
 * at sentence level; object, attribute and relation swaps in the scene graph) and the moves it left
 * out (word order, length, sentence pattern). Graph-based rewriters edit the caption along its parse
 * and keep an edit only if its re-parse passes the check of its polarity. Selection by name and group:
 * {@link org.unimoj.augment.rewrite.Rewriters}.
 */
package org.unimoj.augment.rewrite;
