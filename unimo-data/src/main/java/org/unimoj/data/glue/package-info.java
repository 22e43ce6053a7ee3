/**
 * GLUE-style classification and regression TSVs: the official layouts of SST-2, CoLA, MNLI
 * (train, dev_matched, dev_mismatched, test) and STS-B, and plain column-mapped layouts such as
 * {@code sentence \t label} or {@code label \t sentence} ({@link org.unimoj.data.glue.GlueLayout}),
 * read by {@link org.unimoj.data.glue.GlueTsvReader} into {@link org.unimoj.api.data.LabeledText}.
 */
package org.unimoj.data.glue;
