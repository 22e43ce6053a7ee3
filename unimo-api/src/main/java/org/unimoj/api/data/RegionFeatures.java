package org.unimoj.api.data;

import java.util.Objects;

/**
 * The detected regions of one image, as a bottom-up-attention detector writes them: one box in
 * pixels (x1, y1, x2, y2) and one feature vector per region, and optionally the detector's class
 * distribution per region. Arrays are row-major and owned by the record; callers must not mutate
 * them.
 *
 * @param imageId       the image's id, unique within a data set
 * @param imageWidth    image width in pixels, positive
 * @param imageHeight   image height in pixels, positive
 * @param numBoxes      number of regions
 * @param featureDim    length of each region feature
 * @param boxes         {@code numBoxes * 4} floats
 * @param features      {@code numBoxes * featureDim} floats
 * @param numClasses    length of each class distribution, 0 when absent
 * @param classProbs    {@code numBoxes * numClasses} floats, or an empty array when absent
 */
public record RegionFeatures(String imageId, int imageWidth, int imageHeight, int numBoxes, int featureDim,
                             float[] boxes, float[] features, int numClasses, float[] classProbs) {

    private static final float[] NONE = new float[0];

    public RegionFeatures {
        Objects.requireNonNull(imageId, "imageId");
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image " + imageId + ": size must be positive, got " + imageWidth + "x" + imageHeight);
        }
        if (numBoxes < 0 || featureDim <= 0 || numClasses < 0) {
            throw new IllegalArgumentException("image " + imageId + ": bad sizes boxes=" + numBoxes + " dim=" + featureDim + " classes=" + numClasses);
        }
        if (boxes.length != numBoxes * 4) {
            throw new IllegalArgumentException("image " + imageId + ": boxes hold " + boxes.length + " floats, expected " + numBoxes * 4);
        }
        if (features.length != numBoxes * featureDim) {
            throw new IllegalArgumentException("image " + imageId + ": features hold " + features.length + " floats, expected " + (long) numBoxes * featureDim);
        }
        classProbs = classProbs == null ? NONE : classProbs;
        if (classProbs.length != numBoxes * numClasses) {
            throw new IllegalArgumentException("image " + imageId + ": class probabilities hold " + classProbs.length + " floats, expected " + numBoxes * numClasses);
        }
    }

    /** Features without class distributions. */
    public static RegionFeatures of(String imageId, int w, int h, int featureDim, float[] boxes, float[] features) {
        return new RegionFeatures(imageId, w, h, boxes.length / 4, featureDim, boxes, features, 0, NONE);
    }

    public boolean hasClassProbs() {
        return numClasses > 0;
    }

    /**
     * The 5-d location feature of UNIMO for region {@code i}: x1/W, y1/H, x2/W, y2/H and the box
     * area over the image area.
     */
    public float[] locationFeature(int i) {
        float x1 = boxes[4 * i], y1 = boxes[4 * i + 1], x2 = boxes[4 * i + 2], y2 = boxes[4 * i + 3];
        float w = imageWidth, h = imageHeight;
        return new float[] {x1 / w, y1 / h, x2 / w, y2 / h, (x2 - x1) * (y2 - y1) / (w * h)};
    }
}
