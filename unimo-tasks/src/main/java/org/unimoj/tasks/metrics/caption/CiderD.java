package org.unimoj.tasks.metrics.caption;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D as pycocoevalcap's {@code Cider} computes it: TF-IDF vectors of 1..4-grams with document
 * frequencies counted over the reference sets of the scored corpus (one document per image), the
 * clipped cosine {@code min(hyp, ref) * ref}, a Gaussian length penalty with {@code sigma = 6}, the
 * mean over n-gram orders and references, times ten.
 *
 * <p>Two details of the reference are kept on purpose: the "length" in the penalty counts bigrams
 * (the reference adds term frequencies where the n-gram index is 1), and an order whose vector norm
 * is zero is left unnormalised rather than divided by zero.
 */
public final class CiderD {

    private static final int N = 4;
    private static final double SIGMA = 6.0;

    /** Mean CIDEr-D over the candidates. */
    public double corpus(Map<String, List<String>> refs, Map<String, String> cands) {
        double[] per = perImage(refs, cands);
        double sum = 0;
        for (double v : per) {
            sum += v;
        }
        return sum / per.length;
    }

    /** CIDEr-D of each candidate, in the candidates' iteration order. */
    public double[] perImage(Map<String, List<String>> refs, Map<String, String> cands) {
        CaptionInput.check(refs, cands);
        int images = cands.size();
        NGramCounts[] tests = new NGramCounts[images];
        NGramCounts[][] references = new NGramCounts[images][];
        Map<String, Integer> documentFrequency = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> e : cands.entrySet()) {
            tests[i] = new NGramCounts(e.getValue(), N);
            List<String> rs = refs.get(e.getKey());
            references[i] = new NGramCounts[rs.size()];
            Set<String> seen = new HashSet<>();
            for (int r = 0; r < rs.size(); r++) {
                references[i][r] = new NGramCounts(rs.get(r), N);
                for (Map<String, Integer> order : references[i][r].byOrder) {
                    seen.addAll(order.keySet());
                }
            }
            for (String gram : seen) {
                documentFrequency.merge(gram, 1, Integer::sum);
            }
            i++;
        }
        double refLen = Math.log(images);
        double[] scores = new double[images];
        for (i = 0; i < images; i++) {
            Vector hyp = new Vector(tests[i], documentFrequency, refLen);
            double[] score = new double[N];
            for (NGramCounts ref : references[i]) {
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
            mean /= references[i].length;
            scores[i] = mean * 10.0;
        }
        return scores;
    }

    private static double[] similarity(Vector hyp, Vector ref) {
        double delta = hyp.length - ref.length;
        double penalty = Math.pow(Math.E, -(delta * delta) / (2 * SIGMA * SIGMA));
        double[] val = new double[N];
        for (int k = 0; k < N; k++) {
            for (Map.Entry<String, Double> g : hyp.weights[k].entrySet()) {
                double r = ref.weights[k].getOrDefault(g.getKey(), 0.0);
                val[k] += Math.min(g.getValue(), r) * r;
            }
            if (hyp.norm[k] != 0 && ref.norm[k] != 0) {
                val[k] /= hyp.norm[k] * ref.norm[k];
            }
            val[k] *= penalty;
        }
        return val;
    }

    /** The TF-IDF vector of a sentence, per n-gram order, with its norms and (bigram) length. */
    private static final class Vector {
        final Map<String, Double>[] weights;
        final double[] norm = new double[N];
        final int length;

        @SuppressWarnings("unchecked")
        Vector(NGramCounts counts, Map<String, Integer> documentFrequency, double refLen) {
            weights = new Map[N];
            int len = 0;
            for (int k = 0; k < N; k++) {
                Map<String, Double> w = new HashMap<>();
                for (Map.Entry<String, Integer> g : counts.byOrder[k].entrySet()) {
                    double df = Math.log(Math.max(1.0, documentFrequency.getOrDefault(g.getKey(), 0)));
                    double v = g.getValue() * (refLen - df);
                    w.put(g.getKey(), v);
                    norm[k] += v * v;
                    if (k == 1) {
                        len += g.getValue();
                    }
                }
                weights[k] = w;
                norm[k] = Math.sqrt(norm[k]);
            }
            length = len;
        }
    }
}
