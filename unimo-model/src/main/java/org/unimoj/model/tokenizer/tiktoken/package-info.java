/** Converts tiktoken rank tables (as jtokkit ships them) to GPT-2's vocab.json + merges.txt form. */
package org.unimoj.model.tokenizer.tiktoken;
