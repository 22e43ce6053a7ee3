/**
 * The COCO caption metrics as pycocoevalcap computes them: {@link org.unimoj.tasks.metrics.caption.Bleu},
 * {@link org.unimoj.tasks.metrics.caption.RougeL}, {@link org.unimoj.tasks.metrics.caption.CiderD}, and the
 * whole evaluation (with METEOR and SPICE) behind {@link org.unimoj.tasks.metrics.caption.CaptionMetrics}.
 */
package org.unimoj.tasks.metrics.caption;
