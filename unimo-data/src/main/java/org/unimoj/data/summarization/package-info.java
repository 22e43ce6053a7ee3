/**
 * Sequence-to-sequence TSVs as UNIMO's CNN/DailyMail and Gigaword data: a header {@code src \t tgt},
 * then one example a line (the source text, a tab, the target text).
 */
package org.unimoj.data.summarization;
