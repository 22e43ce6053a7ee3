/**
 * The {@code summarization} task plugin: CNN/DailyMail and Gigaword from {@code src \t tgt} TSV
 * (text or token ids), trained as seq2seq under the UniLM mask, decoded by beam search with
 * length penalty and trigram blocking, scored with ROUGE-1/2/L beside the lead-sentence baseline.
 * Entry point: {@link org.unimoj.plugins.summarization.SummarizationPlugin}.
 */
package org.unimoj.plugins.summarization;
