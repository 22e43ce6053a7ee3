package org.unimoj.runtime.pretrain;

import java.util.List;
import java.util.Objects;
import org.unimoj.api.data.RegionFeatures;

/**
 * A record of one pre-training stream after its augmenter: tokenized text, an image's regions, or an
 * image-text pair with what augmentation found for it. What the batcher mixes.
 */
public sealed interface PretrainExample permits PretrainExample.Text, PretrainExample.Image, PretrainExample.Pair {

    /** A sentence of the text-only corpus: {@code [CLS] w1..wn [SEP]} ids. */
    record Text(String id, int[] ids) implements PretrainExample {
        public Text {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(ids, "ids");
        }
    }

    /** An image of the image-only collection (regions cut to the model's limit). */
    record Image(RegionFeatures image) implements PretrainExample {
        public Image {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * An image-text pair and its CMCL material.
     *
     * @param captionId     the caption's id
     * @param image         the image's regions
     * @param ids           the caption's ids
     * @param positives     rewrites that keep the caption true (ids)
     * @param negatives     rewrites that make it false: hard negatives (ids)
     * @param relatedImages images whose objects overlap this image's most
     * @param relatedTexts  corpus sentences most like the caption (ids)
     */
    record Pair(String captionId, RegionFeatures image, int[] ids, List<int[]> positives, List<int[]> negatives, List<RegionFeatures> relatedImages,
                List<int[]> relatedTexts) implements PretrainExample {
        public Pair {
            Objects.requireNonNull(captionId, "captionId");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(ids, "ids");
            positives = List.copyOf(positives);
            negatives = List.copyOf(negatives);
            relatedImages = List.copyOf(relatedImages);
            relatedTexts = List.copyOf(relatedTexts);
        }

        public String imageId() {
            return image.imageId();
        }

        /** A pair without augmentation. */
        public static Pair plain(String captionId, RegionFeatures image, int[] ids) {
            return new Pair(captionId, image, ids, List.of(), List.of(), List.of(), List.of());
        }
    }
}
