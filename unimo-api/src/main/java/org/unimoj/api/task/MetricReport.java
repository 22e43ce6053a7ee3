package org.unimoj.api.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named metric values in reading order; the first is the one model selection uses.
 *
 * @param task    the task's full name
 * @param split   the split scored
 * @param count   how many examples were scored
 * @param values  metric name to value (fractions, not percentages, unless the name says so)
 */
public record MetricReport(String task, String split, long count, Map<String, Double> values) {
    public MetricReport {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a metric report needs at least one value");
        }
    }

    /** The first metric: the one model selection uses. */
    public Map.Entry<String, Double> primary() {
        return values.entrySet().iterator().next();
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "' in " + values.keySet());
        }
        return v;
    }
}
