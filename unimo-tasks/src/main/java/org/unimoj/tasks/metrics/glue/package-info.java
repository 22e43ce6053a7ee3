/**
 * GLUE metrics: accuracy, F1, Matthews correlation ({@link org.unimoj.tasks.metrics.glue.ClassificationMetrics})
 * and Pearson/Spearman correlation ({@link org.unimoj.tasks.metrics.glue.Correlation}).
 */
package org.unimoj.tasks.metrics.glue;
