package org.unimoj.tasks.metrics.qa;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.unimoj.tasks.metrics.text.PythonText;

/**
 * CoQA's official F1 ({@code evaluate-v1.0.py}): answers lowercased, ASCII punctuation removed,
 * articles removed, whitespace collapsed; token-overlap F1 with clipped counts (1 when both answers are
 * empty, 0 when only one is). With several gold answers, the prediction is scored against each
 * leave-one-out subset (the maximum F1 over the other answers) and the scores are averaged; with one
 * gold answer, against it. The overall F1 is the mean over turns.
 */
public final class CoqaF1 {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private CoqaF1() {
    }

    /** Lowercase, punctuation removed, articles removed, whitespace collapsed. */
    public static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (PUNCTUATION.indexOf(c) < 0) {
                sb.append(c);
            }
        }
        String noArticles = ARTICLES.matcher(sb).replaceAll(" ");
        return String.join(" ", PythonText.split(noArticles));
    }

    /** Token-overlap F1 of {@code prediction} against one gold answer. */
    public static double f1(String gold, String prediction) {
        List<String> g = gold.isEmpty() ? List.of() : PythonText.split(normalize(gold));
        List<String> p = prediction.isEmpty() ? List.of() : PythonText.split(normalize(prediction));
        if (g.isEmpty() || p.isEmpty()) {
            return g.equals(p) ? 1.0 : 0.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : g) {
            counts.merge(t, 1, Integer::sum);
        }
        int same = 0;
        for (String t : p) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                same++;
                counts.put(t, c - 1);
            }
        }
        if (same == 0) {
            return 0.0;
        }
        double precision = same / (double) p.size();
        double recall = same / (double) g.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** 1 if the normalised answers are equal, else 0. */
    public static double exactMatch(String gold, String prediction) {
        return normalize(gold).equals(normalize(prediction)) ? 1.0 : 0.0;
    }

    /** The F1 of one turn: leave-one-out averaging over several gold answers. */
    public static double turnF1(List<String> golds, String prediction) {
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("a turn needs at least one gold answer");
        }
        if (golds.size() == 1) {
            return f1(golds.get(0), prediction);
        }
        double sum = 0;
        for (int i = 0; i < golds.size(); i++) {
            double best = 0;
            for (int j = 0; j < golds.size(); j++) {
                if (j != i) {
                    best = Math.max(best, f1(golds.get(j), prediction));
                }
            }
            sum += best;
        }
        return sum / golds.size();
    }

    /** The mean turn F1 over all turns. */
    public static double corpus(List<List<String>> golds, List<String> predictions) {
        if (golds.size() != predictions.size()) {
            throw new IllegalArgumentException(golds.size() + " turns but " + predictions.size() + " predictions");
        }
        if (golds.isEmpty()) {
            throw new IllegalArgumentException("no turns to score");
        }
        double sum = 0;
        for (int i = 0; i < golds.size(); i++) {
            sum += turnF1(golds.get(i), predictions.get(i));
        }
        return sum / golds.size();
    }
}
