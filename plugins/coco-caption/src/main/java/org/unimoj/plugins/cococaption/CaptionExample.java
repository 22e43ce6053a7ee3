package org.unimoj.plugins.cococaption;

/**
 * One caption of one image: a training example.
 *
 * @param captionId the caption's id ({@code sentid})
 * @param imageId   the image's id
 * @param text      the caption as written
 */
public record CaptionExample(String captionId, String imageId, String text) {}
