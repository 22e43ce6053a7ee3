package org.unimoj.model.pretrain;

/** The pre-training objectives of UNIMO. */
public enum Objective {
    /** Masked language modelling on text (also the text of pairs). */
    MLM,
    /** Masked region modelling: regress the masked region's feature (MSE). */
    MRM_FEATURE,
    /** Masked region modelling: predict the masked region's class (KL against the detector's distribution). */
    MRM_CLASS,
    /** Seq2seq language modelling under the UniLM or captioning mask. */
    SEQ2SEQ,
    /** Cross-modal contrastive learning. */
    CMCL
}
