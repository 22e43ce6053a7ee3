/**
 * Image-text retrieval: R@1/5/10 in both directions with several captions per image, mean and
 * median rank. Entry point: {@link org.unimoj.tasks.metrics.retrieval.RetrievalMetrics#evaluate}.
 */
package org.unimoj.tasks.metrics.retrieval;
