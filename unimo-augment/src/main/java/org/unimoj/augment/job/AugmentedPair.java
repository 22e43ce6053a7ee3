package org.unimoj.augment.job;

import java.util.List;
import java.util.Objects;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;

/**
 * One image-text pair with what the augmentation job found for it: the material of one CMCL group.
 * A line of {@code augment.jsonl} (format in {@code AUGMENT.md} and the package documentation).
 *
 * @param captionId     the caption's id
 * @param imageId       the image's id
 * @param text          the caption
 * @param positives     rewrites that keep it true (each tagged with rewriter, granularity, polarity)
 * @param negatives     rewrites that make it false (hard negatives)
 * @param relatedImages images whose detected objects overlap this image's most, best first
 * @param relatedTexts  sentences of the text corpus most similar to the caption (BM25), best first
 */
public record AugmentedPair(String captionId, String imageId, String text, List<Rewrite> positives, List<Rewrite> negatives,
                            List<RelatedImage> relatedImages, List<RelatedText> relatedTexts) {

    public AugmentedPair {
        Objects.requireNonNull(captionId, "captionId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(text, "text");
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
        relatedImages = List.copyOf(relatedImages);
        relatedTexts = List.copyOf(relatedTexts);
        for (Rewrite r : positives) {
            if (r.polarity() != Polarity.POSITIVE) {
                throw new IllegalArgumentException("caption " + captionId + ": a " + r.polarity() + " rewrite among the positives");
            }
        }
        for (Rewrite r : negatives) {
            if (r.polarity() != Polarity.NEGATIVE) {
                throw new IllegalArgumentException("caption " + captionId + ": a " + r.polarity() + " rewrite among the negatives");
            }
        }
    }

    /** A related image: its id and the overlap of its detected objects with this image's (Jaccard, 0..1). */
    public record RelatedImage(String imageId, double overlap) {
        public RelatedImage {
            Objects.requireNonNull(imageId, "imageId");
        }
    }

    /** A related text: its id in the corpus ("text.txt:17"), the sentence and its BM25 score. */
    public record RelatedText(String id, String text, double score) {
        public RelatedText {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }
    }
}
