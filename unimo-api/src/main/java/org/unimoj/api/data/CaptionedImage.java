package org.unimoj.api.data;

import java.util.List;
import java.util.Objects;

/**
 * One image with its captions, as a Karpathy-style caption file lists it.
 *
 * @param imageId  the image's id as the region-feature file names it (e.g. the COCO id)
 * @param fileName the image's file name (e.g. "COCO_val2014_000000391895.jpg")
 * @param split    the split the image belongs to
 * @param captions its captions, in file order
 * @param tokens   the tokens of each caption as the file gives them ({@code tokens.get(i)} belongs to
 *                 {@code captions.get(i)}); an empty list where the file gives none
 */
public record CaptionedImage(String imageId, String fileName, Split split, List<Caption> captions, List<List<String>> tokens) {
    public CaptionedImage {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(split, "split");
        captions = List.copyOf(captions);
        tokens = tokens.stream().map(List::copyOf).toList();
        if (tokens.size() != captions.size()) {
            throw new IllegalArgumentException("image " + imageId + ": " + captions.size() + " captions but " + tokens.size() + " token lists");
        }
    }
}
