package org.unimoj.tasks.metrics.caption;

import java.util.List;
import java.util.Map;
import org.unimoj.tasks.metrics.Scores;

/**
 * Corpus BLEU-1..n exactly as pycocoevalcap's {@code Bleu(4)} computes it: clipped n-gram counts summed
 * over the corpus, the "closest" reference length per sentence (ties to the shorter reference) for the
 * brevity penalty, and the reference code's smoothing constants ({@code tiny = 1e-15} added to matches,
 * {@code small = 1e-9} to guesses). Inputs are already tokenized; words are split on whitespace.
 *
 * <p>This is also the BLEU-4 of the question-generation evaluations, which call the same scorer.
 */
public final class Bleu {

    private static final double TINY = 1e-15;
    private static final double SMALL = 1e-9;

    private final int n;

    public Bleu() {
        this(4);
    }

    public Bleu(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        this.n = n;
    }

    /** BLEU-1..n of the corpus, in order. */
    public double[] corpus(Map<String, List<String>> refs, Map<String, String> cands) {
        return corpus(new NGramCorpus(refs, cands, n));
    }

    double[] corpus(NGramCorpus corpus) {
        if (corpus.n < n) {
            throw new IllegalArgumentException("corpus has " + corpus.n + "-grams, BLEU needs " + n);
        }
        long testLen = 0;
        long refLen = 0;
        long[] guess = new long[n];
        long[] correct = new long[n];
        int[] maxCount = new int[corpus.grams];
        for (int i = 0; i < corpus.tests.length; i++) {
            NGramCorpus.Sentence test = corpus.tests[i];
            NGramCorpus.Sentence[] references = corpus.refs[i];
            int[] refLengths = new int[references.length];
            for (int r = 0; r < references.length; r++) {
                refLengths[r] = references[r].length;
                for (int k = 0; k < n; k++) {
                    int[] ids = references[r].ids[k];
                    int[] counts = references[r].counts[k];
                    for (int j = 0; j < ids.length; j++) {
                        maxCount[ids[j]] = Math.max(maxCount[ids[j]], counts[j]);
                    }
                }
            }
            testLen += test.length;
            refLen += closest(refLengths, test.length);
            for (int k = 0; k < n; k++) {
                guess[k] += Math.max(0, test.length - k);
                int[] ids = test.ids[k];
                int[] counts = test.counts[k];
                for (int j = 0; j < ids.length; j++) {
                    correct[k] += Math.min(maxCount[ids[j]], counts[j]);
                }
            }
            for (NGramCorpus.Sentence ref : references) {
                for (int k = 0; k < n; k++) {
                    for (int id : ref.ids[k]) {
                        maxCount[id] = 0;
                    }
                }
            }
        }
        double[] bleus = new double[n];
        double ratio = (testLen + TINY) / (refLen + SMALL);
        for (int nn = 1; nn <= n; nn++) {
            double bleu = 1.0;
            for (int k = 0; k < nn; k++) {
                bleu *= (correct[k] + TINY) / (guess[k] + SMALL);
            }
            bleus[nn - 1] = Math.pow(bleu, 1.0 / nn);
            if (ratio < 1) {
                bleus[nn - 1] *= Math.exp(1 - 1 / ratio);
            }
        }
        return bleus;
    }

    /** "BLEU-1" .. "BLEU-n". */
    public Scores score(Map<String, List<String>> refs, Map<String, String> cands) {
        return score(new NGramCorpus(refs, cands, n));
    }

    Scores score(NGramCorpus corpus) {
        double[] b = corpus(corpus);
        Scores.Builder out = Scores.builder();
        for (int k = 0; k < n; k++) {
            out.put("BLEU-" + (k + 1), b[k]);
        }
        return out.build();
    }

    /** The reference length closest to {@code testLength}; on a tie the shorter one. */
    static int closest(int[] refLengths, int testLength) {
        int best = refLengths[0];
        for (int l : refLengths) {
            int d = Math.abs(l - testLength);
            int bd = Math.abs(best - testLength);
            if (d < bd || (d == bd && l < best)) {
                best = l;
            }
        }
        return best;
    }
}
