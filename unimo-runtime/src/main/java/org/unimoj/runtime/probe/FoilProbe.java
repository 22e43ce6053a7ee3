package org.unimoj.runtime.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.task.ModelInput;
import org.unimoj.augment.job.AugmentedPair;
import org.unimoj.augment.job.AugmentedPairReader;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.model.inference.EncoderSession;
import org.unimoj.runtime.pretrain.augment.Encoders;

/**
 * The foil probe: an image, its true caption and the caption's foils, each foil made by one
 * rewriter of the augment job on held-out captions and checked against the world's ground-truth
 * scene graph (so it is false of the image). The image and every text are encoded alone, as CMCL
 * encodes them, and a foil is told apart when the cosine of image and true caption beats the cosine
 * of image and foil. Reported per foil type (the rewriter's name): foils and the share told apart;
 * chance is 0.5.
 */
public final class FoilProbe {

    /** The rewriters whose negatives are the probe's foil types, and what each changes. */
    public static final Map<String, String> FOIL_TYPES = foilTypes();

    private static Map<String, String> foilTypes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("object-swap", "one object");
        m.put("attribute-swap", "one attribute");
        m.put("relation-swap", "one relation");
        m.put("word-order", "swapped roles");
        m.put("negation", "negation");
        return m;
    }

    /** Foils of one type and how many the model told apart. */
    public record TypeScore(long foils, long toldApart) {
        public double accuracy() {
            return foils == 0 ? Double.NaN : (double) toldApart / foils;
        }
    }

    /**
     * @param byType   per foil type (in {@link #FOIL_TYPES} order, then any other rewriter found), its score
     * @param captions true captions probed
     * @param images   their images
     */
    public record Result(Map<String, TypeScore> byType, int captions, int images) {
        /** The mean of the per-type accuracies (each type weighs the same). */
        public double macroAccuracy() {
            return byType.values().stream().filter(t -> t.foils() > 0).mapToDouble(TypeScore::accuracy).average().orElse(Double.NaN);
        }
    }

    private final EncoderSession session;
    private final Encoders encoders;
    private final int batch;

    public FoilProbe(EncoderSession session, Encoders encoders, int batch) {
        this.session = session;
        this.encoders = encoders;
        this.batch = batch;
    }

    /**
     * Probes the pairs of {@code foils} (the augment job's output on a held-out split) whose
     * negatives came from {@code types}; images come from {@code features}. {@code maxImages} > 0
     * keeps the pairs of the first that many images (file order).
     */
    public Result run(Path foils, FeatureStore features, Set<String> types, int maxImages) {
        List<AugmentedPair> pairs = new ArrayList<>();
        Map<String, Integer> imageIndex = new LinkedHashMap<>();
        try (AugmentedPairReader r = AugmentedPairReader.open(foils, ReadOptions.failFast())) {
            while (r.hasNext()) {
                AugmentedPair p = r.next();
                if (!imageIndex.containsKey(p.imageId())) {
                    if (maxImages > 0 && imageIndex.size() == maxImages) {
                        continue;
                    }
                    imageIndex.put(p.imageId(), imageIndex.size());
                }
                pairs.add(p);
            }
        }
        if (pairs.isEmpty()) {
            throw new DataError(foils, 0, "caption_id", "no pairs to probe");
        }
        List<ModelInput> images = new ArrayList<>();
        for (String id : imageIndex.keySet()) {
            RegionFeatures f = features.find(id).orElseThrow(() -> new DataError(features.file(), 0, "image_id",
                    "image " + id + " of " + foils + " has no region features here"));
            images.add(ModelInput.image(encoders.image(f)));
        }
        float[][] imageVectors = embed(images, true);
        // The texts: each pair's caption, then its foils of the probed types.
        List<ModelInput> texts = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(); // {pair, caption text index}
        List<List<int[]>> foilsOf = new ArrayList<>(); // per pair: {type ordinal, text index}
        Map<String, Integer> typeIndex = new LinkedHashMap<>();
        for (String t : FOIL_TYPES.keySet()) {
            if (types.contains(t)) {
                typeIndex.put(t, typeIndex.size());
            }
        }
        for (String t : new TreeSet<>(types)) {
            typeIndex.putIfAbsent(t, typeIndex.size());
        }
        for (int i = 0; i < pairs.size(); i++) {
            AugmentedPair p = pairs.get(i);
            owners.add(new int[] {imageIndex.get(p.imageId()), texts.size()});
            texts.add(ModelInput.text(encoders.text(p.text())));
            List<int[]> mine = new ArrayList<>();
            for (Rewrite n : p.negatives()) {
                Integer type = typeIndex.get(n.rewriter());
                if (type != null) {
                    mine.add(new int[] {type, texts.size()});
                    texts.add(ModelInput.text(encoders.text(n.text())));
                }
            }
            foilsOf.add(mine);
        }
        float[][] textVectors = embed(texts, false);
        long[] foilCount = new long[typeIndex.size()];
        long[] right = new long[typeIndex.size()];
        for (int i = 0; i < pairs.size(); i++) {
            float[] image = imageVectors[owners.get(i)[0]];
            double truth = dot(image, textVectors[owners.get(i)[1]]);
            for (int[] f : foilsOf.get(i)) {
                foilCount[f[0]]++;
                if (truth > dot(image, textVectors[f[1]])) {
                    right[f[0]]++;
                }
            }
        }
        Map<String, TypeScore> byType = new LinkedHashMap<>();
        typeIndex.forEach((t, k) -> byType.put(t, new TypeScore(foilCount[k], right[k])));
        return new Result(byType, pairs.size(), imageIndex.size());
    }

    /** L2-normalised pooled vectors (image or text side), in input order. */
    private float[][] embed(List<ModelInput> inputs, boolean image) {
        float[][] out = new float[inputs.size()][];
        for (int from = 0; from < inputs.size(); from += batch) {
            float[][] pooled = session.pooled(inputs.subList(from, Math.min(inputs.size(), from + batch)), image);
            for (int i = 0; i < pooled.length; i++) {
                out[from + i] = normalize(pooled[i]);
            }
        }
        return out;
    }

    static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        double n = Math.sqrt(s);
        float[] o = new float[v.length];
        for (int i = 0; i < v.length && n > 0; i++) {
            o[i] = (float) (v[i] / n);
        }
        return o;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
