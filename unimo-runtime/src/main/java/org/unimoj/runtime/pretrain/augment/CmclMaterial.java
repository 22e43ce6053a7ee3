package org.unimoj.runtime.pretrain.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.data.PairRecord;

/**
 * Turns what augmentation found for a pair (texts of rewrites, ids of related images, related
 * sentences) into the pair's CMCL material, as many of each as a batch takes: rewrites are drawn at
 * random (the slot's generator, so a resumed run draws the same), related images and texts are taken
 * best first, and related images are read from the image pool.
 *
 * @param batch     the batch composition (how many positives, negatives, related images and texts a pair brings)
 * @param imagePool the region features of the images related images come from
 */
public record CmclMaterial(PretrainSettings.Batch batch, FeatureStore imagePool) {

    /**
     * The pair example.
     *
     * @param positives     texts of rewrites that keep the caption true
     * @param negatives     texts of rewrites that make it false
     * @param relatedImages ids of related images in the pool, best first
     * @param relatedTexts  related corpus sentences, best first
     */
    public PretrainExample.Pair pair(PairRecord r, Encoders enc, List<String> positives, List<String> negatives, List<String> relatedImages,
                                     List<String> relatedTexts, SplittableRandom random) {
        List<RegionFeatures> images = new ArrayList<>();
        for (String id : relatedImages) {
            if (images.size() == batch.relatedImages()) {
                break;
            }
            // an id the pool lacks is a bad record: the augmenter quarantines the pair with this reason
            images.add(enc.image(imagePool.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "related image " + id + " of caption " + r.caption().id() + " is not in the image pool " + imagePool.file()))));
        }
        return new PretrainExample.Pair(r.caption().id(), enc.image(r.image()), enc.text(r.caption().text()),
                encode(enc, draw(positives, batch.positives(), random)), encode(enc, draw(negatives, batch.negatives(), random)), images,
                encode(enc, relatedTexts.subList(0, Math.min(relatedTexts.size(), batch.relatedTexts()))));
    }

    /** {@code k} of {@code from} without replacement, in a random order. */
    static List<String> draw(List<String> from, int k, SplittableRandom random) {
        List<String> pool = new ArrayList<>(from);
        List<String> out = new ArrayList<>(Math.min(k, pool.size()));
        while (out.size() < k && !pool.isEmpty()) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private static List<int[]> encode(Encoders enc, List<String> texts) {
        List<int[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(enc.text(t));
        }
        return out;
    }
}
