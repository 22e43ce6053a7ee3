package org.unimoj.api.task;

/**
 * Keys the runtime puts into {@link TaskContext#settings()} about the model a task is opened for,
 * so that a task can size its inputs and its head without knowing the engine: a caption or a
 * question is cut to {@link #MAX_TEXT_LENGTH} ids, an image to {@link #MAX_REGIONS} regions. They
 * are facts about the checkpoint, set by the runtime over any user setting of the same key; a task
 * opened without a model (a baseline, a reader test) finds them absent and uses its own defaults.
 */
public final class ContextKeys {
    /** The encoder's hidden size H (an integer). */
    public static final String MODEL_HIDDEN = "model.hidden";
    /** The most text ids one input may have, [CLS] and [SEP] included (an integer). */
    public static final String MODEL_MAX_TEXT_LENGTH = "model.max-text-length";
    /** The most regions one image may have, without the [IMG] region (an integer). */
    public static final String MODEL_MAX_REGIONS = "model.max-regions";
    /** The length of each region feature the encoder takes (an integer). */
    public static final String MODEL_FEATURE_DIM = "model.feature-dim";

    private ContextKeys() {}
}
