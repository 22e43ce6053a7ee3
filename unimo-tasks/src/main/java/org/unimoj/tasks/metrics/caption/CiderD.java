package org.unimoj.tasks.metrics.caption;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * CIDEr-D as pycocoevalcap's {@code Cider} computes it: TF-IDF vectors of 1..4-grams with document
 * frequencies counted over the reference sets of the scored corpus (one document per image), the
 * clipped cosine {@code min(hyp, ref) * ref}, a Gaussian length penalty with {@code sigma = 6}, the
 * mean over n-gram orders and references, times ten.
 *
 * <p>Two details of the reference are kept on purpose: the "length" in the penalty counts bigrams
 * (the reference adds term frequencies where the n-gram index is 1), and an order whose vector norm
 * is zero is left unnormalised rather than divided by zero. Images are scored in parallel.
 */
public final class CiderD {

    private static final int N = 4;
    private static final double SIGMA = 6.0;

    /** Mean CIDEr-D over the candidates. */
    public double corpus(Map<String, List<String>> refs, Map<String, String> cands) {
        return corpus(new NGramCorpus(refs, cands, N));
    }

    double corpus(NGramCorpus corpus) {
        double[] per = perImage(corpus);
        double sum = 0;
        for (double v : per) {
            sum += v;
        }
        return sum / per.length;
    }

    /** CIDEr-D of each candidate, in the candidates' iteration order. */
    public double[] perImage(Map<String, List<String>> refs, Map<String, String> cands) {
        return perImage(new NGramCorpus(refs, cands, N));
    }

    double[] perImage(NGramCorpus corpus) {
        if (corpus.n < N) {
            throw new IllegalArgumentException("corpus has " + corpus.n + "-grams, CIDEr-D needs " + N);
        }
        int images = corpus.tests.length;
        int[] documentFrequency = new int[corpus.grams];
        int[] lastImage = new int[corpus.grams];
        Arrays.fill(lastImage, -1);
        for (int i = 0; i < images; i++) {
            for (NGramCorpus.Sentence ref : corpus.refs[i]) {
                for (int k = 0; k < N; k++) {
                    for (int id : ref.ids[k]) {
                        if (lastImage[id] != i) {
                            lastImage[id] = i;
                            documentFrequency[id]++;
                        }
                    }
                }
            }
        }
        double refLen = Math.log(images);
        double[] scores = new double[images];
        IntStream.range(0, images).parallel().forEach(i -> {
            Vector hyp = new Vector(corpus.tests[i], documentFrequency, refLen);
            double[] score = new double[N];
            for (NGramCorpus.Sentence ref : corpus.refs[i]) {
                double[] sim = similarity(hyp, new Vector(ref, documentFrequency, refLen));
                for (int k = 0; k < N; k++) {
                    score[k] += sim[k];
                }
            }
            double mean = 0;
            for (double s : score) {
                mean += s;
            }
            mean /= N;
            mean /= corpus.refs[i].length;
            scores[i] = mean * 10.0;
        });
        return scores;
    }

    private static double[] similarity(Vector hyp, Vector ref) {
        double delta = hyp.length - ref.length;
        double penalty = Math.pow(Math.E, -(delta * delta) / (2 * SIGMA * SIGMA));
        double[] val = new double[N];
        for (int k = 0; k < N; k++) {
            int[] hi = hyp.ids[k];
            int[] ri = ref.ids[k];
            double[] hw = hyp.weights[k];
            double[] rw = ref.weights[k];
            int a = 0;
            int b = 0;
            while (a < hi.length && b < ri.length) {
                if (hi[a] == ri[b]) {
                    val[k] += Math.min(hw[a], rw[b]) * rw[b];
                    a++;
                    b++;
                } else if (hi[a] < ri[b]) {
                    a++;
                } else {
                    b++;
                }
            }
            if (hyp.norm[k] != 0 && ref.norm[k] != 0) {
                val[k] /= hyp.norm[k] * ref.norm[k];
            }
            val[k] *= penalty;
        }
        return val;
    }

    /** The TF-IDF vector of a sentence per n-gram order (ids ascending), with its norms and (bigram) length. */
    private static final class Vector {
        final int[][] ids;
        final double[][] weights = new double[N][];
        final double[] norm = new double[N];
        final int length;

        Vector(NGramCorpus.Sentence s, int[] documentFrequency, double refLen) {
            ids = s.ids;
            int len = 0;
            for (int k = 0; k < N; k++) {
                int[] g = s.ids[k];
                int[] c = s.counts[k];
                double[] w = new double[g.length];
                double sq = 0;
                for (int j = 0; j < g.length; j++) {
                    double df = Math.log(Math.max(1.0, documentFrequency[g[j]]));
                    w[j] = c[j] * (refLen - df);
                    sq += w[j] * w[j];
                    if (k == 1) {
                        len += c[j];
                    }
                }
                weights[k] = w;
                norm[k] = Math.sqrt(sq);
            }
            length = len;
        }
    }
}
