package org.unimoj.tasks.metrics.rouge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.text.PorterStemmer;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L with the semantics of Google's {@code rouge-score} package
 * ({@code RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)}): text lowercased, every run of
 * characters other than {@code [a-z0-9]} turned into a space, tokens longer than three characters
 * stemmed with NLTK's Porter stemmer ({@link PorterStemmer}); n-gram overlap with clipped counts for
 * ROUGE-N, the longest common subsequence for ROUGE-L (sentence level, not ROUGE-Lsum); F1 of precision
 * and recall.
 *
 * <p>The corpus value is the mean of the per-example scores, which is what {@code rouge-score}'s
 * {@code BootstrapAggregator} estimates as its "mid" value (that aggregator resamples, so its mid can
 * differ from the mean in the last digits).
 */
public final class RougeScorer {

    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VALID = Pattern.compile("^[a-z0-9]+$");

    private final PorterStemmer stemmer;

    /** Precision, recall and F1 of one ROUGE type on one example. */
    public record Score(double precision, double recall, double fmeasure) {
        static Score of(double precision, double recall) {
            double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            return new Score(precision, recall, f);
        }
    }

    /** With the Porter stemmer, as summarization results are reported. */
    public RougeScorer() {
        this(true);
    }

    public RougeScorer(boolean useStemmer) {
        this.stemmer = useStemmer ? new PorterStemmer() : null;
    }

    /** rouge-score's default tokenizer. */
    public List<String> tokenize(String text) {
        String t = NON_ALNUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String tok : SPACES.split(t, -1)) {
            String s = stemmer != null && tok.length() > 3 ? stemmer.stem(tok) : tok;
            if (VALID.matcher(s).matches()) {
                out.add(s);
            }
        }
        return out;
    }

    /** "rouge1", "rouge2" and "rougeL" of one prediction against its target. */
    public Map<String, Score> score(String target, String prediction) {
        List<String> t = tokenize(target);
        List<String> p = tokenize(prediction);
        Map<String, Score> out = new LinkedHashMap<>();
        out.put("rouge1", rougeN(t, p, 1));
        out.put("rouge2", rougeN(t, p, 2));
        out.put("rougeL", rougeL(t, p));
        return out;
    }

    /** Mean F1 over examples: "ROUGE-1", "ROUGE-2", "ROUGE-L". */
    public Scores corpus(List<String> targets, List<String> predictions) {
        if (targets.size() != predictions.size()) {
            throw new IllegalArgumentException(targets.size() + " targets but " + predictions.size() + " predictions");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no examples to score");
        }
        double r1 = 0;
        double r2 = 0;
        double rl = 0;
        for (int i = 0; i < targets.size(); i++) {
            Map<String, Score> s = score(targets.get(i), predictions.get(i));
            r1 += s.get("rouge1").fmeasure();
            r2 += s.get("rouge2").fmeasure();
            rl += s.get("rougeL").fmeasure();
        }
        int n = targets.size();
        return Scores.builder().put("ROUGE-1", r1 / n).put("ROUGE-2", r2 / n).put("ROUGE-L", rl / n).build();
    }

    /** ROUGE-N: clipped n-gram overlap; precision over the prediction's n-grams, recall over the target's. */
    public static Score rougeN(List<String> target, List<String> prediction, int n) {
        Map<List<String>, Integer> t = ngrams(target, n);
        Map<List<String>, Integer> p = ngrams(prediction, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
            overlap += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
        }
        int tCount = Math.max(0, target.size() - n + 1);
        int pCount = Math.max(0, prediction.size() - n + 1);
        return Score.of(overlap / (double) Math.max(pCount, 1), overlap / (double) Math.max(tCount, 1));
    }

    /** ROUGE-L: longest common subsequence; zero when either side has no token. */
    public static Score rougeL(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return new Score(0, 0, 0);
        }
        int[] prev = new int[prediction.size() + 1];
        int[] cur = new int[prediction.size() + 1];
        for (int i = 1; i <= target.size(); i++) {
            for (int j = 1; j <= prediction.size(); j++) {
                cur[j] = target.get(i - 1).equals(prediction.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] x = prev;
            prev = cur;
            cur = x;
        }
        int lcs = prev[prediction.size()];
        return Score.of(lcs / (double) prediction.size(), lcs / (double) target.size());
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return out;
    }
}
