package org.unimoj.api.rewrite;

/** Whether a rewrite keeps the caption true of its image. */
public enum Polarity {
    /** Keeps the meaning: a positive for contrastive learning. */
    POSITIVE,
    /** Changes the meaning so it no longer fits the image: a hard negative. */
    NEGATIVE
}
