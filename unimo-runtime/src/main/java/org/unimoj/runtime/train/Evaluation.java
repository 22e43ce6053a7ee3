package org.unimoj.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A held-out evaluation of a snapshot (zero-shot retrieval, a task's metrics...). The evaluator
 * actor runs it on its own thread while training goes on.
 *
 * @param <S> the snapshot type
 */
public interface Evaluation<S extends Snapshot> {

    /** A short name for logs and charts ("val-retrieval", "test-retrieval"). */
    String name();

    Result evaluate(S snapshot);

    /**
     * Metrics by name, in a stable order, and one line for people.
     *
     * @param metrics  name to value (fractions for recalls and accuracies)
     * @param headline a one-line summary ("text->image R@1 31.2% ...")
     * @param report   a longer, printable report (may equal the headline)
     */
    record Result(Map<String, Double> metrics, String headline, String report) {
        public Result {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }
}
