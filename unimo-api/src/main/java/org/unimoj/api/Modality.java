package org.unimoj.api;

/** What a model input or a task consumes. UNIMO handles text, images and both at once. */
public enum Modality {
    TEXT,
    IMAGE
}
