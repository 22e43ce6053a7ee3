/**
 * Byte-level BPE as GPT-2 and RoBERTa use it: load {@code vocab.json} + {@code merges.txt} (or a
 * Hugging Face {@code tokenizer.json}) with {@link org.unimoj.model.tokenizer.ByteLevelBpeTokenizer#load},
 * encode and decode text, wrap it with RoBERTa's special tokens, pad batches. The trainer is in
 * {@code .train}, the tiktoken converter in {@code .tiktoken}, the varied benchmark text in {@code .sample}.
 */
package org.unimoj.model.tokenizer;
