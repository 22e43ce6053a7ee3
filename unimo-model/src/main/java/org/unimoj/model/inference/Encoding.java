package org.unimoj.model.inference;

/**
 * The encoder's outputs for one input.
 *
 * @param pooledText  pooled text vector (ReLU(Linear(first text token))), or null without text
 * @param pooledImage pooled image vector (ReLU(Linear([IMG]))), or null without an image
 * @param textTokens  one vector per text id, in order
 * @param regions     one vector per region position: [IMG] first, then each region (empty without an image)
 */
public record Encoding(float[] pooledText, float[] pooledImage, float[][] textTokens, float[][] regions) {}
