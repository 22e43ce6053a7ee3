package org.unimoj.tasks.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.unimoj.api.task.MetricReport;

/**
 * Named metric values in reading order ("BLEU-4" to 0.38, ...). Values are fractions as the
 * reference implementations return them (BLEU 0.388, not 38.8), except CIDEr-D, whose reference
 * already scales by ten.
 *
 * @param values metric name to value, in the order the metrics were computed
 */
public record Scores(Map<String, Double> values) {

    public Scores {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of metric {@code name}; fails naming the metrics there are if it is absent. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "' in " + values.keySet());
        }
        return v;
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** These values as the task API's report; the first value is the one model selection uses. */
    public MetricReport toReport(String task, String split, long count) {
        return new MetricReport(task, split, count, values);
    }

    /** These values followed by {@code more}'s; a name in both keeps the later value. */
    public Scores and(Scores more) {
        Map<String, Double> all = new LinkedHashMap<>(values);
        all.putAll(more.values);
        return new Scores(all);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects values in insertion order. */
    public static final class Builder {
        private final Map<String, Double> values = new LinkedHashMap<>();

        public Builder put(String name, double value) {
            values.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        public Builder putAll(Scores scores) {
            values.putAll(scores.values());
            return this;
        }

        public Scores build() {
            return new Scores(values);
        }
    }
}
