package org.unimoj.plugins.retrieval;

/**
 * One caption of one image: a training pair.
 *
 * @param captionId the caption's id ({@code sentid})
 * @param imageId   the image it describes
 * @param text      the caption
 */
public record RetrievalExample(String captionId, String imageId, String text) {}
