/** Learns a byte-level BPE vocabulary (RoBERTa's layout) from a streamed corpus, deterministically. */
package org.unimoj.model.tokenizer.train;
