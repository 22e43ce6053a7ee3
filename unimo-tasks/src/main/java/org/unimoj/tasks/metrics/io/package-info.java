/**
 * Small Jackson readers for the files users score: COCO caption references and results, VQA v2
 * questions, annotations and results. Bad input fails with a {@link org.unimoj.tasks.metrics.io.MetricInputException}
 * naming the file, the line and the field.
 */
package org.unimoj.tasks.metrics.io;
