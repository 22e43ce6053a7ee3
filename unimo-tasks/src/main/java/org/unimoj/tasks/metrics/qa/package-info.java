/** Question answering: CoQA's official F1 ({@link org.unimoj.tasks.metrics.qa.CoqaF1}). */
package org.unimoj.tasks.metrics.qa;
