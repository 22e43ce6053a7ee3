package org.unimoj.api.task;

import org.unimoj.api.data.RegionFeatures;

/**
 * One sequence for the unified-modal encoder: {@code [IMG] r1..rn [CLS] w1..wm [SEP]} for image and
 * text, either part alone for single-modal input. The model adds the [IMG] region itself.
 *
 * @param textIds      token ids including [CLS]/[SEP]; empty for image-only input
 * @param sourceLength for {@link AttentionKind#SEQ2SEQ} and {@link AttentionKind#CAPTION}, how many
 *                     leading text ids form the source (the rest is the target); otherwise
 *                     {@code textIds.length}
 * @param image        the image's regions, or {@code null} for text-only input
 * @param attention    the attention pattern
 */
public record ModelInput(int[] textIds, int sourceLength, RegionFeatures image, AttentionKind attention) {

    private static final int[] NO_TEXT = new int[0];

    public ModelInput {
        textIds = textIds == null ? NO_TEXT : textIds;
        if (textIds.length == 0 && image == null) {
            throw new IllegalArgumentException("a model input needs text, an image or both");
        }
        if (sourceLength < 0 || sourceLength > textIds.length) {
            throw new IllegalArgumentException("sourceLength " + sourceLength + " outside [0, " + textIds.length + "]");
        }
    }

    /** Bidirectional text-only input. */
    public static ModelInput text(int[] ids) {
        return new ModelInput(ids, ids.length, null, AttentionKind.BIDIRECTIONAL);
    }

    /** Bidirectional image-only input. */
    public static ModelInput image(RegionFeatures image) {
        return new ModelInput(NO_TEXT, 0, image, AttentionKind.BIDIRECTIONAL);
    }

    /** Bidirectional image-text input. */
    public static ModelInput imageText(RegionFeatures image, int[] ids) {
        return new ModelInput(ids, ids.length, image, AttentionKind.BIDIRECTIONAL);
    }

    public boolean hasText() {
        return textIds.length > 0;
    }

    public boolean hasImage() {
        return image != null;
    }
}
