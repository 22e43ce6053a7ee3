package org.unimoj.tasks.metrics.caption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.tasks.metrics.text.PythonText;

/**
 * The n-gram counts of one whitespace-tokenized sentence, orders 1..n, as pycocoevalcap's
 * {@code precook} builds them. An n-gram is keyed by its words joined with single spaces, which is
 * unambiguous because tokens never contain whitespace.
 */
final class NGramCounts {

    final int length;
    /** {@code byOrder[k]}: counts of the (k+1)-grams. */
    final Map<String, Integer>[] byOrder;

    @SuppressWarnings("unchecked")
    NGramCounts(String sentence, int n) {
        List<String> words = PythonText.split(sentence);
        length = words.size();
        byOrder = new Map[n];
        for (int k = 1; k <= n; k++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + k <= words.size(); i++) {
                String gram = k == 1 ? words.get(i) : String.join(" ", words.subList(i, i + k));
                counts.merge(gram, 1, Integer::sum);
            }
            byOrder[k - 1] = counts;
        }
    }
}
