/**
 * Summarization ROUGE-1/2/L with rouge-score semantics (Porter stemmer). Entry point:
 * {@link org.unimoj.tasks.metrics.rouge.RougeScorer#corpus}.
 */
package org.unimoj.tasks.metrics.rouge;
