package org.unimoj.data.world.detector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.scene.Box;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.RegionTruth;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.world.Seeds;
import org.unimoj.data.world.sampling.Ontology;

/**
 * Turns a scene into what a bottom-up-attention detector would write for it. For a region of an
 * object of class c with attribute values a_i:
 * <pre>
 *   feature = relu(E[c] + 0.5 * sum_i A[a_i] + 0.6 * noise),   E[c] = (S[super(c)] + U[c]) / sqrt 2
 * </pre>
 * with S, U, A standard normal vectors drawn from the world seed; the class distribution is a
 * softmax over {@code 5 cos(E[c], E[k]) + 0.5 noise} (so a dog's mass spreads to cats and horses,
 * not to buses). Context regions (sky, grass...) follow their own class; spurious boxes are weak
 * and flat. Thread-safe: all state is fixed at construction.
 */
public final class DetectorSimulator {

    /** One image's feature record and its scene with the regions filled in. */
    public record Detection(RegionFeatures features, ImageScene scene) {}

    private static final double NOISY_IMAGE_P = 0.15;

    private final int dim;
    private final int maxRegions;
    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final float[][] classVec;
    private final Map<String, float[]> attributeVec = new HashMap<>();
    private final double[][] similarity;
    private final List<List<Integer>> confusable;

    public DetectorSimulator(long seed, int dim, int maxRegions) {
        if (dim < 1 || maxRegions < 1) {
            throw new IllegalArgumentException("dim and maxRegions must be positive");
        }
        this.dim = dim;
        this.maxRegions = maxRegions;
        Vocabulary v = Vocabulary.WORLD;
        this.classes = v.detectorClasses();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
        Map<String, float[]> superVec = new HashMap<>();
        int stream = 0;
        for (String s : v.supercategories().keySet()) {
            superVec.put(s, gaussian(Seeds.rng(seed, "embedding/super", stream++)));
        }
        superVec.put("stuff", gaussian(Seeds.rng(seed, "embedding/super", stream++)));
        superVec.put("__background__", gaussian(Seeds.rng(seed, "embedding/super", stream)));
        classVec = new float[classes.size()][];
        double h = Math.sqrt(0.5);
        for (int i = 0; i < classes.size(); i++) {
            float[] own = gaussian(Seeds.rng(seed, "embedding/class", i));
            float[] sup = superVec.get(superOf(classes.get(i)));
            float[] e = new float[dim];
            for (int d = 0; d < dim; d++) {
                e[d] = (float) (h * (sup[d] + own[d]));
            }
            classVec[i] = e;
        }
        int k = 0;
        for (Map.Entry<String, List<String>> f : v.families().entrySet()) {
            for (String value : f.getValue()) {
                attributeVec.put(f.getKey() + ":" + value, gaussian(Seeds.rng(seed, "embedding/attribute", k++)));
            }
        }
        similarity = new double[classes.size()][classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            for (int j = 0; j < classes.size(); j++) {
                similarity[i][j] = cosine(classVec[i], classVec[j]);
            }
        }
        confusable = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            List<Integer> same = new ArrayList<>();
            for (int j = 1; j < classes.size(); j++) {
                if (j != i && superOf(classes.get(j)).equals(superOf(classes.get(i)))) {
                    same.add(j);
                }
            }
            confusable.add(same);
        }
    }

    private static String superOf(String cls) {
        if (cls.equals("__background__")) {
            return cls;
        }
        Vocabulary v = Vocabulary.WORLD;
        return v.isClass(cls) ? v.objectClass(cls).supercategory() : "stuff";
    }

    private float[] gaussian(SplittableRandom r) {
        float[] x = new float[dim];
        for (int d = 0; d < dim; d++) {
            x[d] = (float) r.nextGaussian();
        }
        return x;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int d = 0; d < a.length; d++) {
            ab += a[d] * b[d];
            aa += a[d] * a[d];
            bb += b[d] * b[d];
        }
        return ab / Math.sqrt(aa * bb);
    }

    public int dim() {
        return dim;
    }

    /** The class list of the distributions ("__background__", the object classes, the context classes). */
    public List<String> classes() {
        return classes;
    }

    /** A region under construction. */
    private static final class Region {
        final int object;
        final String kind;
        final float[] box;
        final float[] feature;
        final float[] probs;
        final int detected;
        final float confidence;

        Region(int object, String kind, float[] box, float[] feature, float[] probs) {
            this.object = object;
            this.kind = kind;
            this.box = box;
            this.feature = feature;
            this.probs = probs;
            int best = 1;
            for (int k = 1; k < probs.length; k++) {
                if (probs[k] > probs[best]) {
                    best = k;
                }
            }
            this.detected = best;
            this.confidence = probs[best];
        }
    }

    public Detection detect(ImageScene scene, SplittableRandom r, List<String> contextClasses) {
        int w = scene.width(), h = scene.height();
        List<SceneObject> objects = scene.objects();
        boolean noisy = r.nextDouble() < NOISY_IMAGE_P;
        int missedObject = -1, misclassified = -1;
        boolean spurious = false;
        if (noisy) {
            int event = r.nextInt(3);
            if (event == 0 && objects.size() >= 3) {
                missedObject = smallest(objects);
            } else if (event == 1) {
                spurious = true;
            } else {
                misclassified = r.nextInt(objects.size());
            }
        }
        List<Region> regions = new ArrayList<>();
        List<Integer> missed = new ArrayList<>();
        for (SceneObject o : objects) {
            if (o.id() == missedObject) {
                missed.add(o.id());
                continue;
            }
            int c = classIndex.get(o.className());
            float[] feature = new float[dim];
            int peak = c;
            if (o.id() == misclassified && !confusable.get(c).isEmpty()) {
                List<Integer> near = confusable.get(c);
                peak = near.get(r.nextInt(near.size()));
                float[] e = classVec[c], f = classVec[peak];
                for (int d = 0; d < dim; d++) {
                    feature[d] = 0.6f * e[d] + 0.5f * f[d];
                }
            } else {
                System.arraycopy(classVec[c], 0, feature, 0, dim);
            }
            for (Map.Entry<String, String> a : o.attributes().entrySet()) {
                float[] av = attributeVec.get(a.getKey() + ":" + a.getValue());
                for (int d = 0; d < dim; d++) {
                    feature[d] += 0.5f * av[d];
                }
            }
            finishFeature(feature, r, 0.6);
            regions.add(new Region(o.id(), RegionTruth.OBJECT, jitter(o.box(), r, w, h), feature, distribution(peak, 5.0, 0.5, -1.0, r)));
        }
        int contexts = Math.min(contextClasses.size(), 1 + r.nextInt(3));
        List<String> pool = new ArrayList<>(contextClasses);
        for (int i = 0; i < contexts; i++) {
            String stuff = pool.remove(r.nextInt(pool.size()));
            int c = classIndex.get(stuff);
            float[] feature = classVec[c].clone();
            finishFeature(feature, r, 0.6);
            regions.add(new Region(-1, RegionTruth.CONTEXT, contextBox(stuff, r, w, h), feature, distribution(c, 5.0, 0.5, -1.0, r)));
        }
        if (spurious) {
            int c = 1 + r.nextInt(objects.isEmpty() ? 1 : Vocabulary.WORLD.classes().size());
            float[] feature = new float[dim];
            for (int d = 0; d < dim; d++) {
                feature[d] = 0.35f * classVec[c][d];
            }
            finishFeature(feature, r, 0.9);
            float x1 = (float) (r.nextDouble() * 0.8 * w), y1 = (float) (r.nextDouble() * 0.8 * h);
            float[] box = {x1, y1, (float) Math.min(w, x1 + (0.05 + 0.2 * r.nextDouble()) * w), (float) Math.min(h, y1 + (0.05 + 0.2 * r.nextDouble()) * h)};
            regions.add(new Region(-1, RegionTruth.SPURIOUS, box, feature, distribution(c, 2.0, 0.5, 1.5, r)));
        }
        // Detectors emit regions by confidence; keep the most confident maxRegions.
        regions.sort((a, b) -> Float.compare(b.confidence, a.confidence));
        while (regions.size() > maxRegions) {
            Region dropped = regions.remove(regions.size() - 1);
            if (dropped.object >= 0) {
                missed.add(dropped.object);
            }
        }
        missed.sort(Integer::compare);
        int n = regions.size();
        int nc = classes.size();
        float[] boxes = new float[n * 4];
        float[] features = new float[n * dim];
        float[] probs = new float[n * nc];
        List<RegionTruth> truth = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Region g = regions.get(i);
            System.arraycopy(g.box, 0, boxes, 4 * i, 4);
            System.arraycopy(g.feature, 0, features, i * dim, dim);
            System.arraycopy(g.probs, 0, probs, i * nc, nc);
            truth.add(new RegionTruth(g.object, g.kind, classes.get(g.detected)));
        }
        RegionFeatures f = new RegionFeatures(scene.imageId(), w, h, n, dim, boxes, features, nc, probs);
        ImageScene withRegions = new ImageScene(scene.imageId(), scene.split(), scene.fileName(), w, h, scene.setting(), objects,
                scene.relations(), truth, missed);
        return new Detection(f, withRegions);
    }

    private static int smallest(List<SceneObject> objects) {
        int best = 0;
        for (SceneObject o : objects) {
            if (o.box().area() < objects.get(best).box().area()) {
                best = o.id();
            }
        }
        return best;
    }

    private static void finishFeature(float[] x, SplittableRandom r, double noise) {
        for (int d = 0; d < x.length; d++) {
            float v = x[d] + (float) (noise * r.nextGaussian());
            x[d] = v > 0 ? v : 0f;
        }
    }

    /** Softmax of {@code scale * cos(E[peak], E[k]) + noise * N(0,1)}, background logit {@code background + noise}. */
    private float[] distribution(int peak, double scale, double noise, double background, SplittableRandom r) {
        int nc = classes.size();
        double[] logits = new double[nc];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nc; k++) {
            logits[k] = (k == 0 ? background : scale * similarity[peak][k]) + noise * r.nextGaussian();
            max = Math.max(max, logits[k]);
        }
        double sum = 0;
        for (int k = 0; k < nc; k++) {
            logits[k] = StrictMath.exp(logits[k] - max);
            sum += logits[k];
        }
        float[] p = new float[nc];
        for (int k = 0; k < nc; k++) {
            p[k] = (float) (logits[k] / sum);
        }
        return p;
    }

    private static float[] jitter(Box b, SplittableRandom r, int w, int h) {
        double jw = 0.04 * b.width(), jh = 0.04 * b.height();
        float x1 = clamp(b.x1() + jw * r.nextGaussian(), w), y1 = clamp(b.y1() + jh * r.nextGaussian(), h);
        float x2 = clamp(b.x2() + jw * r.nextGaussian(), w), y2 = clamp(b.y2() + jh * r.nextGaussian(), h);
        return new float[] {Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)};
    }

    private static float clamp(double v, int max) {
        return (float) Math.max(0, Math.min(max, v));
    }

    private static float[] contextBox(String stuff, SplittableRandom r, int w, int h) {
        double a = r.nextDouble(), b = r.nextDouble();
        switch (stuff) {
            case "sky": return new float[] {0, 0, w, (float) ((0.2 + 0.25 * a) * h)};
            case "wall": return new float[] {0, 0, w, (float) ((0.5 + 0.25 * a) * h)};
            case "water": return new float[] {0, (float) ((0.35 + 0.2 * a) * h), w, (float) ((0.7 + 0.2 * b) * h)};
            case "tree": {
                float x1 = (float) (0.7 * a * w);
                return new float[] {x1, (float) (0.2 * b * h), (float) Math.min(w, x1 + (0.15 + 0.15 * b) * w), (float) ((0.5 + 0.3 * a) * h)};
            }
            default: return new float[] {0, (float) ((0.6 + 0.2 * a) * h), w, h};
        }
    }

    /** The ontology's context classes of a setting. */
    public static List<String> contextOf(String setting) {
        for (Ontology.Setting s : Ontology.WORLD.settings()) {
            if (s.name().equals(setting)) {
                return s.context();
            }
        }
        throw new IllegalArgumentException("unknown setting " + setting);
    }
}
