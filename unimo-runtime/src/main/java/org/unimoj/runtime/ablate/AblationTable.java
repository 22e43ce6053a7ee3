package org.unimoj.runtime.ablate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study's table: per variant and column, the mean and standard deviation over seeds, and the
 * difference from the variant it is compared to, paired by seed (both ran with the same seed, so
 * the same data order and initial weights), with a 95% Student-t confidence interval. A difference
 * whose interval excludes zero is marked.
 */
public final class AblationTable {

    /** One variant's figures in one column. */
    public record Cell(List<Double> values, double mean, double sd, Delta delta) {}

    /** A paired difference: mean, 95% interval, pairs; significant when the interval excludes zero. */
    public record Delta(double mean, double low, double high, int n) {
        public boolean significant() {
            return n >= 2 && (low > 0 || high < 0);
        }
    }

    /** One variant's row. */
    public record Row(AblationPlan.Variant variant, int seeds, int failed, Map<String, Cell> cells) {}

    private final List<String> columns;
    private final List<Row> rows;

    private AblationTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    public static AblationTable of(AblationPlan plan, List<CellResult> results) {
        List<String> columns = CellRunner.columns(plan);
        Map<String, Map<Long, CellResult>> byVariant = new LinkedHashMap<>();
        for (CellResult r : results) {
            byVariant.computeIfAbsent(r.variant(), k -> new LinkedHashMap<>()).put(r.seed(), r);
        }
        List<Row> rows = new ArrayList<>();
        for (AblationPlan.Variant v : plan.variants()) {
            Map<Long, CellResult> mine = byVariant.getOrDefault(v.name(), Map.of());
            Map<Long, CellResult> ref = v.compareTo().isEmpty() ? Map.of() : byVariant.getOrDefault(v.compareTo(), Map.of());
            int failed = (int) mine.values().stream().filter(r -> !r.ok()).count();
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String c : columns) {
                List<Double> values = new ArrayList<>();
                List<Double> diffs = new ArrayList<>();
                for (long seed : plan.seeds()) {
                    CellResult r = mine.get(seed);
                    Double x = r != null && r.ok() ? r.metrics().get(c) : null;
                    if (x == null || x.isNaN()) {
                        continue;
                    }
                    values.add(x);
                    CellResult b = ref.get(seed);
                    Double y = b != null && b.ok() ? b.metrics().get(c) : null;
                    if (y != null && !y.isNaN()) {
                        diffs.add(x - y);
                    }
                }
                Delta d = null;
                if (!v.compareTo().isEmpty() && !diffs.isEmpty()) {
                    double m = mean(diffs);
                    double half = diffs.size() < 2 ? Double.NaN : StudentT.quantile975(diffs.size() - 1) * sd(diffs) / Math.sqrt(diffs.size());
                    d = new Delta(m, m - half, m + half, diffs.size());
                }
                cells.put(c, new Cell(values, mean(values), sd(values), d));
            }
            rows.add(new Row(v, (int) mine.values().stream().filter(CellResult::ok).count(), failed, cells));
        }
        return new AblationTable(columns, rows);
    }

    static double mean(List<Double> v) {
        return v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
    }

    /** Sample standard deviation (n - 1); NaN for fewer than two values. */
    static double sd(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.size() - 1));
    }

    /** Markdown: means ± sd (in percent), then the paired differences with their intervals (** when the interval excludes 0). */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| variant | seeds |");
        columns.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append('\n').append("|---|---|");
        columns.forEach(c -> b.append("---|"));
        b.append('\n');
        for (Row r : rows) {
            b.append("| ").append(r.variant().name()).append(" | ").append(r.seeds()).append(r.failed() > 0 ? " (" + r.failed() + " failed)" : "")
                    .append(" |");
            for (String c : columns) {
                Cell x = r.cells().get(c);
                b.append(' ').append(x.values().isEmpty() ? "–" : pct(x.mean()) + (Double.isNaN(x.sd()) ? "" : " ± " + pct(x.sd()))).append(" |");
            }
            b.append('\n');
        }
        b.append("\nDifferences from the compared variant, paired by seed: mean [95% CI], in points; **bold** when the interval excludes 0.\n\n");
        b.append("| variant | vs |");
        columns.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append('\n').append("|---|---|");
        columns.forEach(c -> b.append("---|"));
        b.append('\n');
        for (Row r : rows) {
            if (r.variant().compareTo().isEmpty()) {
                continue;
            }
            b.append("| ").append(r.variant().name()).append(" | ").append(r.variant().compareTo()).append(" |");
            for (String c : columns) {
                Delta d = r.cells().get(c).delta();
                String s = d == null ? "–" : signed(d.mean()) + (Double.isNaN(d.low()) ? "" : " [" + signed(d.low()) + ", " + signed(d.high()) + "]");
                b.append(' ').append(d != null && d.significant() ? "**" + s + "**" : s).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** CSV, one line per variant and column: the values of every seed, mean, sd and the paired difference. */
    public String csv() {
        StringBuilder b = new StringBuilder("variant,column,n,mean,sd,values,compare_to,delta_mean,delta_ci_low,delta_ci_high,delta_pairs,significant\n");
        for (Row r : rows) {
            for (String c : columns) {
                Cell x = r.cells().get(c);
                Delta d = x.delta();
                b.append(r.variant().name()).append(',').append(quote(c)).append(',').append(x.values().size()).append(',').append(num(x.mean()))
                        .append(',').append(num(x.sd())).append(',')
                        .append(quote(String.join(" ", x.values().stream().map(AblationTable::num).toList()))).append(',')
                        .append(r.variant().compareTo()).append(',')
                        .append(d == null ? "" : num(d.mean())).append(',').append(d == null ? "" : num(d.low())).append(',')
                        .append(d == null ? "" : num(d.high())).append(',').append(d == null ? "" : Integer.toString(d.n())).append(',')
                        .append(d != null && d.significant()).append('\n');
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains(" ") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6f", x);
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f", 100 * x);
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.1f", 100 * x);
    }

    /** The 97.5% quantile of Student's t (two-sided 95% intervals). */
    static final class StudentT {
        private static final double[] Q = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
            2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

        private StudentT() {}

        static double quantile975(int df) {
            if (df < 1) {
                throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
            }
            return df <= Q.length ? Q[df - 1] : 1.960 + 2.4 / df; // beyond 30: within 0.002 of the exact value
        }
    }
}
