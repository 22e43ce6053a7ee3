package org.unimoj.api.data;

import java.util.Objects;

/**
 * One caption of one image.
 *
 * @param id      the caption's id, unique within a data set (e.g. "1000268201_693b08cb0e.jpg#0")
 * @param imageId the id of the image it describes
 * @param text    the caption as written
 */
public record Caption(String id, String imageId, String text) {
    public Caption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(text, "text");
    }
}
