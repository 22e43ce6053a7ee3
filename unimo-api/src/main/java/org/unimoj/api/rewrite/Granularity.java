package org.unimoj.api.rewrite;

/** The level of text a rewriting strategy changes (UNIMO's multi-granularity alignment). */
public enum Granularity {
    SENTENCE, PHRASE, WORD
}
