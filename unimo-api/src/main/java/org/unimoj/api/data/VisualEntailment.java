package org.unimoj.api.data;

import java.util.Objects;

/**
 * One SNLI-VE example: does the image (the premise) entail the hypothesis?
 *
 * @param pairId     the example's id, unique within a data set (SNLI-VE's {@code pairID})
 * @param imageId    the premise image (SNLI-VE's {@code Flickr30K_ID})
 * @param premise    the caption the hypothesis was written against (SNLI-VE's {@code sentence1});
 *                   the task itself uses the image
 * @param hypothesis the sentence to judge ({@code sentence2})
 * @param label      the gold label
 */
public record VisualEntailment(String pairId, String imageId, String premise, String hypothesis, EntailmentLabel label) {
    public VisualEntailment {
        Objects.requireNonNull(pairId, "pairId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(premise, "premise");
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(label, "label");
    }
}
