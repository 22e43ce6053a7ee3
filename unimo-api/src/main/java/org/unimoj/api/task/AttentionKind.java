package org.unimoj.api.task;

/** The self-attention pattern of an input (UNIMO-NOTES, "Attention masks"). */
public enum AttentionKind {
    /** Every position sees every other (understanding tasks). */
    BIDIRECTIONAL,
    /** UniLM: every position sees the source; target positions also see earlier target positions. */
    SEQ2SEQ,
    /** Regions see regions only; caption tokens see all regions and earlier caption tokens. */
    CAPTION
}
