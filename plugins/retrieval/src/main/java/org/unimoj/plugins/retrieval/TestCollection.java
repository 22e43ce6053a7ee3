package org.unimoj.plugins.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.RegionFeatures;

/**
 * A split as a retrieval collection: its images (with their regions) and all their captions
 * (tokenized), caption {@code t} describing image {@code textImage[t]}.
 */
final class TestCollection {

    final List<String> imageIds = new ArrayList<>();
    final List<RegionFeatures> images = new ArrayList<>();
    final List<String> captionIds = new ArrayList<>();
    final List<int[]> texts = new ArrayList<>();
    int[] textImage;

    interface Loader {
        RegionFeatures regions(String imageId);

        int[] ids(String caption);
    }

    static TestCollection of(List<CaptionedImage> images, Loader loader) {
        TestCollection c = new TestCollection();
        List<Integer> owner = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CaptionedImage im : images) {
            int i = c.images.size();
            if (seen.put(im.imageId(), i) != null) {
                throw new IllegalArgumentException("image " + im.imageId() + " is listed twice");
            }
            c.imageIds.add(im.imageId());
            c.images.add(loader.regions(im.imageId()));
            for (Caption cap : im.captions()) {
                c.captionIds.add(cap.id());
                c.texts.add(loader.ids(cap.text()));
                owner.add(i);
            }
        }
        c.textImage = owner.stream().mapToInt(Integer::intValue).toArray();
        return c;
    }

    int imageCount() {
        return images.size();
    }

    int textCount() {
        return texts.size();
    }
}
