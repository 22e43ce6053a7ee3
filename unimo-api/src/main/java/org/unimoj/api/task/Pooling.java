package org.unimoj.api.task;

/** Which pooled vectors a head reads (UNIMO pools the first text token and the [IMG] token). */
public enum Pooling {
    TEXT,
    IMAGE,
    /** [pooled text ; pooled image], as for SNLI-VE. */
    TEXT_IMAGE_CONCAT,
    /** pooled text * pooled image, elementwise, as for VQA and retrieval scores. */
    TEXT_IMAGE_PRODUCT
}
