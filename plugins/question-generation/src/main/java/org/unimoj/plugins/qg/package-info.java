/**
 * The {@code question-generation} task plugin: SQuAD question generation (paragraph + answer ->
 * question) under the seq2seq mask, scored with BLEU-4, METEOR and ROUGE-L beside the
 * answer-sentence baseline. Entry point: {@link org.unimoj.plugins.qg.QuestionGenerationPlugin};
 * readers in {@link org.unimoj.plugins.qg.data}.
 */
package org.unimoj.plugins.qg;
