/**
 * What a user sees of a run: the progress bar or progress lines, the metrics log (JSONL: one line
 * per step, evaluation and checkpoint), loss and evaluation charts (PNG, JFreeChart).
 */
package org.unimoj.runtime.train.report;
