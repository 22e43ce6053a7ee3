package org.unimoj.runtime.ablate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one cell (variant x seed) gave.
 *
 * @param variant the variant's name
 * @param seed    the seed
 * @param metrics per column (see {@link CellRunner#columns}), its value in [0, 1]
 * @param seconds per step, its wall time in this or an earlier session (a skipped step keeps its first time)
 * @param error   why the cell failed, or "" when it completed
 */
public record CellResult(String variant, long seed, Map<String, Double> metrics, Map<String, Double> seconds, String error) {

    public CellResult {
        metrics = new LinkedHashMap<>(metrics);
        seconds = new LinkedHashMap<>(seconds);
    }

    public boolean ok() {
        return error.isEmpty();
    }

    public double totalSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
