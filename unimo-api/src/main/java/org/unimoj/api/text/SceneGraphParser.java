package org.unimoj.api.text;

/** Turns a caption into its scene graph. Implementations must be thread-safe. */
public interface SceneGraphParser {
    SceneGraph parse(String sentence);
}
