package org.unimoj.tasks.metrics.caption;

import java.util.List;
import java.util.Map;
import org.unimoj.tasks.metrics.text.PythonText;

/**
 * ROUGE-L as pycocoevalcap's {@code Rouge} computes it for captions: per image, the LCS precision and
 * recall against each reference, the maximum of each over the references, combined into an F-measure
 * with {@code beta = 1.2}; the corpus value is the mean over images. Words are split on single spaces
 * exactly as the reference does ({@code split(" ")}).
 *
 * <p>This is the captioning ROUGE-L; the summarization ROUGE (rouge-score semantics) is
 * {@link org.unimoj.tasks.metrics.rouge.RougeScorer}.
 */
public final class RougeL {

    private static final double BETA = 1.2;

    /** Mean ROUGE-L over the candidates. */
    public double corpus(Map<String, List<String>> refs, Map<String, String> cands) {
        CaptionInput.check(refs, cands);
        double sum = 0;
        for (Map.Entry<String, String> e : cands.entrySet()) {
            sum += sentence(e.getValue(), refs.get(e.getKey()));
        }
        return sum / cands.size();
    }

    /** ROUGE-L of one candidate against its references. */
    public double sentence(String candidate, List<String> references) {
        String[] c = PythonText.splitOnSpace(candidate);
        double precMax = 0;
        double recMax = 0;
        for (String reference : references) {
            String[] r = PythonText.splitOnSpace(reference);
            int lcs = lcs(r, c);
            precMax = Math.max(precMax, lcs / (double) c.length);
            recMax = Math.max(recMax, lcs / (double) r.length);
        }
        if (precMax != 0 && recMax != 0) {
            return ((1 + BETA * BETA) * precMax * recMax) / (recMax + BETA * BETA * precMax);
        }
        return 0.0;
    }

    /** Length of the longest common subsequence. */
    static int lcs(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = a[i - 1].equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
