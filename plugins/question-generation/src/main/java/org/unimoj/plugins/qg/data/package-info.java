/**
 * Question-generation data: SQuAD JSON ({@link org.unimoj.plugins.qg.data.SquadJsonReader}) and the
 * {@code paragraph [SEP] answer \t question} TSV of the seq2seq reference code
 * ({@link org.unimoj.plugins.qg.data.QgTsvReader}), both into {@link org.unimoj.plugins.qg.data.QgExample}.
 */
package org.unimoj.plugins.qg.data;
