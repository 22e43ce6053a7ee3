/**
 * The {@code glue} task plugin: SST-2, MNLI, CoLA and STS-B read from the official GLUE TSV files
 * (or column-mapped sentence/label files), encoded as {@code [CLS] a [SEP] (b [SEP])} for a Linear
 * head on the pooled text, scored with the GLUE metrics, predictions written as GLUE submission
 * files. Entry point: {@link org.unimoj.plugins.glue.GluePlugin}.
 */
package org.unimoj.plugins.glue;
