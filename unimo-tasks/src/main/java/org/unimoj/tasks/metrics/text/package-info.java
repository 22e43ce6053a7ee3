/**
 * Text steps the reference metrics depend on: the COCO caption tokenization
 * ({@link org.unimoj.tasks.metrics.text.CocoTokenizer}), NLTK's Porter stemmer
 * ({@link org.unimoj.tasks.metrics.text.PorterStemmer}) and Python's string splitting
 * ({@link org.unimoj.tasks.metrics.text.PythonText}).
 */
package org.unimoj.tasks.metrics.text;
