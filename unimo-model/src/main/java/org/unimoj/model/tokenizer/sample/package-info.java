/** Deterministic varied text (real captions plus generated code, CJK, emoji, numbers, whitespace) for tokenizer tests and benchmarks. */
package org.unimoj.model.tokenizer.sample;
