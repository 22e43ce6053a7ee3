package org.unimoj.tasks.metrics.retrieval;

import java.util.Arrays;
import org.unimoj.tasks.metrics.Scores;

/**
 * Image-text retrieval recall, as UNIMO's retrieval evaluation computes it, with several captions per
 * image. Given a score for every (image, caption) pair:
 * <ul>
 *   <li>image retrieval ("IR", caption queries): the rank of the caption's own image among all images;</li>
 *   <li>text retrieval ("TR", image queries): the rank of the best-ranked of the image's captions among
 *       all captions.</li>
 * </ul>
 * R@K is the fraction of queries whose rank is at most K; mean and median ranks are 1-based (the
 * median of an even count is the mean of the two middle ranks, as {@code numpy.median}).
 *
 * <p>Ties are broken against the ground truth: an item scored exactly as high as the best ground-truth
 * item counts as ranked above it, so constant scores earn no recall. (The reference sorts with
 * {@code argsort}, whose order among ties is unspecified.)
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /** The recalls and ranks of one direction; {@code ranks[q]} is query q's 1-based rank. */
    public record Direction(double r1, double r5, double r10, double meanRank, double medianRank, int[] ranks) {

        public Direction {
            ranks = ranks.clone();
        }

        @Override
        public int[] ranks() {
            return ranks.clone();
        }

        /** Fraction of queries with rank at most {@code k}. */
        public double recallAt(int k) {
            int hits = 0;
            for (int r : ranks) {
                hits += r <= k ? 1 : 0;
            }
            return hits / (double) ranks.length;
        }

        static Direction of(int[] ranks) {
            int[] sorted = ranks.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            double mean = Arrays.stream(ranks).asDoubleStream().sum() / n;
            Direction d = new Direction(0, 0, 0, mean, median, ranks);
            return new Direction(d.recallAt(1), d.recallAt(5), d.recallAt(10), mean, median, ranks);
        }
    }

    /**
     * Both directions as named values: IR@1, IR@5, IR@10, TR@1, TR@5, TR@10, then the mean and median
     * ranks, then "R_mean" (the mean of the six recalls).
     *
     * @param scores    {@code scores[i][t]}: how well caption t matches image i (higher is better)
     * @param textImage {@code textImage[t]}: the image caption t describes
     */
    public static Scores evaluate(double[][] scores, int[] textImage) {
        Direction ir = imageRetrieval(scores, textImage);
        Direction tr = textRetrieval(scores, textImage);
        return Scores.builder()
                .put("IR@1", ir.r1()).put("IR@5", ir.r5()).put("IR@10", ir.r10())
                .put("TR@1", tr.r1()).put("TR@5", tr.r5()).put("TR@10", tr.r10())
                .put("IR_mean_rank", ir.meanRank()).put("IR_median_rank", ir.medianRank())
                .put("TR_mean_rank", tr.meanRank()).put("TR_median_rank", tr.medianRank())
                .put("R_mean", (ir.r1() + ir.r5() + ir.r10() + tr.r1() + tr.r5() + tr.r10()) / 6)
                .build();
    }

    /** Caption queries: the rank of each caption's image. */
    public static Direction imageRetrieval(double[][] scores, int[] textImage) {
        check(scores, textImage);
        int images = scores.length;
        int[] ranks = new int[textImage.length];
        for (int t = 0; t < textImage.length; t++) {
            int gold = textImage[t];
            double s = scores[gold][t];
            int above = 0;
            for (int i = 0; i < images; i++) {
                if (i != gold && scores[i][t] >= s) {
                    above++;
                }
            }
            ranks[t] = above + 1;
        }
        return Direction.of(ranks);
    }

    /** Image queries: the rank of each image's best-ranked caption. */
    public static Direction textRetrieval(double[][] scores, int[] textImage) {
        check(scores, textImage);
        int images = scores.length;
        int[] ranks = new int[images];
        for (int i = 0; i < images; i++) {
            double best = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (int t = 0; t < textImage.length; t++) {
                if (textImage[t] == i) {
                    best = Math.max(best, scores[i][t]);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("image " + i + " has no caption");
            }
            int above = 0;
            for (int t = 0; t < textImage.length; t++) {
                double s = scores[i][t];
                if (s > best || (s == best && textImage[t] != i)) {
                    above++;
                }
            }
            ranks[i] = above + 1;
        }
        return Direction.of(ranks);
    }

    private static void check(double[][] scores, int[] textImage) {
        if (scores.length == 0 || textImage.length == 0) {
            throw new IllegalArgumentException("no images or no captions to rank");
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != textImage.length) {
                throw new IllegalArgumentException("scores row " + i + " has " + scores[i].length + " columns for "
                        + textImage.length + " captions");
            }
            for (int t = 0; t < scores[i].length; t++) {
                if (Double.isNaN(scores[i][t])) {
                    throw new IllegalArgumentException("score of image " + i + " and caption " + t + " is NaN");
                }
            }
        }
        for (int t = 0; t < textImage.length; t++) {
            if (textImage[t] < 0 || textImage[t] >= scores.length) {
                throw new IllegalArgumentException("caption " + t + " names image " + textImage[t] + " of " + scores.length);
            }
        }
    }
}
