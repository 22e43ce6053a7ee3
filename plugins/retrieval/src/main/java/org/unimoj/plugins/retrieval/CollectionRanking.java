package org.unimoj.plugins.retrieval;

import java.util.ArrayList;
import java.util.List;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;

/**
 * Scores every (image, caption) pair of a collection for ranking, two ways:
 * <ul>
 *   <li>{@link #full}: every pair through the joint encoder (the paper's method; images x captions
 *       forward passes);</li>
 *   <li>{@link #twoStage}: images and captions embedded alone (CMCL space, one pass each), then for
 *       every caption its top {@code k} images and for every image its top {@code k} captions
 *       re-scored with the joint encoder. A pair outside a query's top {@code k} keeps its embedding
 *       similarity minus {@link #BELOW}, so it ranks after every re-scored pair, in first-stage order.</li>
 * </ul>
 * Each gives one matrix per direction ({@code [image][caption]}, higher is better): for image
 * retrieval (caption queries, read by column) and text retrieval (image queries, read by row).
 */
final class CollectionRanking {

    /** Puts pairs the joint encoder did not score below every pair it did. */
    static final double BELOW = 1e6;
    /** Joint inputs per predictor call. */
    private static final int CHUNK = 4096;

    /**
     * @param imageRetrieval scores read by caption (column)
     * @param textRetrieval  scores read by image (row)
     * @param firstStage     the embedding similarities, or null for full scoring
     * @param jointPairs     pairs scored by the joint encoder
     * @param seconds        time taken
     */
    record Scored(double[][] imageRetrieval, double[][] textRetrieval, double[][] firstStage, long jointPairs, double seconds) {}

    private CollectionRanking() {}

    static Scored full(TestCollection c, Predictor p) {
        long t0 = System.nanoTime();
        int n = c.imageCount();
        int m = c.textCount();
        double[][] s = new double[n][m];
        List<ModelInput> inputs = new ArrayList<>(CHUNK);
        List<int[]> where = new ArrayList<>(CHUNK);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                inputs.add(ModelInput.imageText(c.images.get(i), c.texts.get(t)));
                where.add(new int[] {i, t});
                if (inputs.size() == CHUNK) {
                    score(p, inputs, where, s);
                }
            }
        }
        score(p, inputs, where, s);
        return new Scored(s, s, null, (long) n * m, (System.nanoTime() - t0) / 1e9);
    }

    static Scored twoStage(TestCollection c, Predictor p, int k) {
        long t0 = System.nanoTime();
        int n = c.imageCount();
        int m = c.textCount();
        double[][] sim = similarities(c, p);
        Picked picked = pick(sim, k);
        double[][] joint = new double[n][m];
        List<ModelInput> inputs = new ArrayList<>(CHUNK);
        List<int[]> where = new ArrayList<>(CHUNK);
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                if (picked.any(i, t)) {
                    pairs++;
                    inputs.add(ModelInput.imageText(c.images.get(i), c.texts.get(t)));
                    where.add(new int[] {i, t});
                    if (inputs.size() == CHUNK) {
                        score(p, inputs, where, joint);
                    }
                }
            }
        }
        score(p, inputs, where, joint);
        return merge(sim, joint, picked, pairs, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * What {@link #twoStage} with {@code k} would give, read off a full joint scoring instead of
     * re-scoring: the joint encoder is deterministic, so a re-scored pair has the same score either
     * way. For comparing values of {@code k} at the cost of one full pass (no timing: seconds is 0).
     */
    static Scored twoStageFrom(double[][] sim, double[][] fullJoint, int k) {
        Picked picked = pick(sim, k);
        return merge(sim, fullJoint, picked, picked.count(), 0);
    }

    /** The first stage: cosine of the CMCL embeddings, {@code [image][caption]}. */
    static double[][] similarities(TestCollection c, Predictor p) {
        int n = c.imageCount();
        int m = c.textCount();
        List<float[]> img = p.embed(c.images.stream().map(ModelInput::image).toList());
        List<float[]> txt = p.embed(c.texts.stream().map(ModelInput::text).toList());
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            float[] a = img.get(i);
            for (int t = 0; t < m; t++) {
                sim[i][t] = dot(a, txt.get(t));
            }
        }
        return sim;
    }

    /** The pairs to re-score: each caption's top k images ({@code byCaption}) and each image's top k captions ({@code byImage}). */
    private record Picked(boolean[][] byCaption, boolean[][] byImage) {
        boolean any(int i, int t) {
            return byCaption[i][t] || byImage[i][t];
        }

        long count() {
            long c = 0;
            for (int i = 0; i < byCaption.length; i++) {
                for (int t = 0; t < byCaption[i].length; t++) {
                    c += any(i, t) ? 1 : 0;
                }
            }
            return c;
        }
    }

    private static Picked pick(double[][] sim, int k) {
        int n = sim.length;
        int m = n == 0 ? 0 : sim[0].length;
        boolean[][] byCaption = new boolean[n][m];
        boolean[][] byImage = new boolean[n][m];
        double[] column = new double[n];
        for (int t = 0; t < m; t++) {
            for (int i = 0; i < n; i++) {
                column[i] = sim[i][t];
            }
            for (int i : top(column, k)) {
                byCaption[i][t] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int t : top(sim[i], k)) {
                byImage[i][t] = true;
            }
        }
        return new Picked(byCaption, byImage);
    }

    private static Scored merge(double[][] sim, double[][] joint, Picked picked, long pairs, double seconds) {
        int n = sim.length;
        int m = n == 0 ? 0 : sim[0].length;
        double[][] ir = new double[n][m];
        double[][] tr = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) {
                ir[i][t] = picked.byCaption()[i][t] ? joint[i][t] : sim[i][t] - BELOW;
                tr[i][t] = picked.byImage()[i][t] ? joint[i][t] : sim[i][t] - BELOW;
            }
        }
        return new Scored(ir, tr, sim, pairs, seconds);
    }

    private static void score(Predictor p, List<ModelInput> inputs, List<int[]> where, double[][] out) {
        if (inputs.isEmpty()) {
            return;
        }
        List<Prediction> scores = p.predict(inputs);
        for (int j = 0; j < scores.size(); j++) {
            int[] w = where.get(j);
            out[w[0]][w[1]] = ((Prediction.Score) scores.get(j)).score();
        }
        inputs.clear();
        where.clear();
    }

    /** The indexes of the {@code k} largest values (all when there are fewer), best first, ties to the lower index. */
    static int[] top(double[] v, int k) {
        int size = Math.min(k, v.length);
        int[] best = new int[size];
        int filled = 0;
        for (int i = 0; i < v.length; i++) {
            if (filled == size && v[i] <= v[best[size - 1]]) {
                continue;
            }
            int j = filled < size ? filled++ : size - 1;
            while (j > 0 && v[best[j - 1]] < v[i]) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = i;
        }
        return best;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }
}
