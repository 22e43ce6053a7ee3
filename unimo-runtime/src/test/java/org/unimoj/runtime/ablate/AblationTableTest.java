package org.unimoj.runtime.ablate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AblationTableTest {

    static AblationPlan plan(List<AblationPlan.Variant> variants, List<Long> seeds) {
        return new AblationPlan(Path.of("x.conf"), Path.of("out"), Path.of("data"), seeds, 1, variants,
                List.of(new AblationPlan.Downstream("snli-ve", "SNLI-VE", List.of("accuracy"), List.of())), List.of(), 0);
    }

    static CellResult cell(String v, long seed, double zs, double acc) {
        return new CellResult(v, seed, Map.of("zero-shot IR@1", zs, "zero-shot TR@1", zs, "SNLI-VE accuracy", acc), Map.of("pretrain", 1.0), "");
    }

    @Test
    void meansSpreadsAndPairedDifferencesAgainstHandWorkedFigures() {
        AblationPlan p = plan(List.of(new AblationPlan.Variant("a", "", List.of(), List.of(), ""),
                new AblationPlan.Variant("b", "", List.of("sentence"), List.of(), "a")), List.of(1L, 2L, 3L));
        List<CellResult> cells = List.of(cell("a", 1, 0.10, 0.50), cell("a", 2, 0.12, 0.52), cell("a", 3, 0.14, 0.51),
                cell("b", 1, 0.15, 0.50), cell("b", 2, 0.18, 0.53), cell("b", 3, 0.18, 0.49));
        AblationTable t = AblationTable.of(p, cells);
        assertEquals(List.of("zero-shot IR@1", "zero-shot TR@1", "SNLI-VE accuracy"), t.columns());
        AblationTable.Cell a = t.rows().get(0).cells().get("zero-shot IR@1");
        assertEquals(0.12, a.mean(), 1e-12);
        assertEquals(0.02, a.sd(), 1e-12);
        assertNull(a.delta(), "a is compared to nothing");
        AblationTable.Delta d = t.rows().get(1).cells().get("zero-shot IR@1").delta();
        // differences 0.05, 0.06, 0.04: mean 0.05, sd 0.01, half-width 4.303 * 0.01 / sqrt 3
        assertEquals(0.05, d.mean(), 1e-12);
        assertEquals(0.05 - 4.303 * 0.01 / Math.sqrt(3), d.low(), 1e-12);
        assertEquals(0.05 + 4.303 * 0.01 / Math.sqrt(3), d.high(), 1e-12);
        assertTrue(d.significant());
        // differences 0, 0.01, -0.02: the interval holds 0
        AblationTable.Delta acc = t.rows().get(1).cells().get("SNLI-VE accuracy").delta();
        assertEquals(-1.0 / 300, acc.mean(), 1e-12);
        assertFalse(acc.significant());
        String md = t.markdown();
        assertTrue(md.contains("| b | 3 | 17.0 ± 1.7 |"), md);
        assertTrue(md.contains("| b | a | **+5.0 [+2.5, +7.5]** |"), md);
    }

    @Test
    void failedAndMissingCellsAreCountedNotAveraged() {
        AblationPlan p = plan(List.of(new AblationPlan.Variant("a", "", List.of(), List.of(), ""),
                new AblationPlan.Variant("b", "", List.of(), List.of(), "a")), List.of(1L, 2L));
        List<CellResult> cells = List.of(cell("a", 1, 0.1, 0.5), cell("a", 2, 0.3, 0.5),
                new CellResult("b", 1, Map.of(), Map.of(), "pretrain exited with 1"), cell("b", 2, 0.2, 0.6));
        AblationTable t = AblationTable.of(p, cells);
        AblationTable.Row b = t.rows().get(1);
        assertEquals(1, b.seeds());
        assertEquals(1, b.failed());
        assertEquals(List.of(0.2), b.cells().get("zero-shot IR@1").values());
        assertEquals(1, b.cells().get("zero-shot IR@1").delta().n(), "only seed 2 pairs up");
        assertTrue(Double.isNaN(b.cells().get("zero-shot IR@1").sd()));
        assertTrue(t.markdown().contains("| b | 1 (1 failed) |"), t.markdown());
    }

    /** The t quantiles against the t distribution itself: its density integrated numerically up to the quantile gives 0.975. */
    @Test
    void studentQuantilesMatchTheDistribution() {
        for (int df = 1; df <= 60; df++) {
            double q = AblationTable.StudentT.quantile975(df);
            double cdf = 0.5 + simpson(df, 0, q, 200_000);
            assertEquals(0.975, cdf, df <= 30 ? 3e-5 : 2e-4, "df " + df);
        }
    }

    private static double density(int df, double x) {
        double lg = logGamma((df + 1) / 2.0) - logGamma(df / 2.0);
        return Math.exp(lg) / Math.sqrt(df * Math.PI) * Math.pow(1 + x * x / df, -(df + 1) / 2.0);
    }

    private static double simpson(int df, double a, double b, int n) {
        double h = (b - a) / n;
        double s = density(df, a) + density(df, b);
        for (int i = 1; i < n; i++) {
            s += density(df, a + i * h) * (i % 2 == 0 ? 2 : 4);
        }
        return s * h / 3;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for positive arguments. */
    private static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Randomized: any set of seeds and values; the paired difference equals the difference of means when every seed pairs up. */
    @RepeatedTest(20)
    void pairedDifferenceIsTheDifferenceOfMeansWhenEverySeedPairs() {
        SplittableRandom r = new SplittableRandom(System.nanoTime());
        int n = 1 + r.nextInt(6);
        List<Long> seeds = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seeds.add((long) i + 1);
            cells.add(cell("a", i + 1, r.nextDouble(), r.nextDouble()));
            cells.add(cell("b", i + 1, r.nextDouble(), r.nextDouble()));
        }
        AblationPlan p = plan(List.of(new AblationPlan.Variant("a", "", List.of(), List.of(), ""),
                new AblationPlan.Variant("b", "", List.of(), List.of(), "a")), seeds);
        AblationTable t = AblationTable.of(p, cells);
        for (String c : t.columns()) {
            AblationTable.Cell a = t.rows().get(0).cells().get(c);
            AblationTable.Cell b = t.rows().get(1).cells().get(c);
            assertEquals(b.mean() - a.mean(), b.delta().mean(), 1e-12, c);
            assertEquals(n, b.delta().n());
            if (n >= 2) {
                assertTrue(b.delta().low() <= b.delta().mean() && b.delta().mean() <= b.delta().high());
            }
        }
    }
}
