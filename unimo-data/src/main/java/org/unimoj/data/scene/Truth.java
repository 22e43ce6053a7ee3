package org.unimoj.data.scene;

/** Whether a sentence holds in an image: true, false, or not decidable from the image (a neutral hypothesis). */
public enum Truth {
    TRUE, FALSE, UNKNOWN
}
