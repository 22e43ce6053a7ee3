package org.unimoj.tasks.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.nn.Param;
import org.unimoj.model.nn.ParameterStore;

/**
 * Central finite differences against analytic gradients, in double precision (the criterion and
 * code of unimo-model's test helper of the same name, which that module does not publish).
 *
 * <p>Criterion: for every checked entry, the relative error {@code |a - n| / max(|a|, |n|)} is
 * below {@link #MAX_RELATIVE_ERROR}, or the absolute difference is below
 * {@code ABS_FLOOR * max(1, |loss|)}: the round-off floor of a central difference with step
 * {@link #STEP} (about {@code 1e-16 |loss| / STEP}, with a 100x margin), as DL4J's
 * GradientCheckUtil has a minimum absolute error. The report keeps the largest relative error among entries above the
 * floor, and how many entries were checked.
 */
public final class GradientCheck {

    public static final double STEP = 1e-6;
    public static final double MAX_RELATIVE_ERROR = 1e-5;
    public static final double ABS_FLOOR = 1e-8;

    /** The outcome of one check. */
    public record Report(String what, int checked, double maxRelativeError, List<String> failures) {
        public void assertPassed() {
            System.out.printf("gradient check %s: %d entries, max relative error %.2e%n", what, checked, maxRelativeError);
            assertTrue(checked > 0, what + ": nothing was checked");
            assertTrue(failures.isEmpty(), what + ": " + failures.size() + " of " + checked + " entries fail, e.g. " + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    private GradientCheck() {}

    /**
     * Checks the gradients in {@code store} (computed beforehand) against finite differences of
     * {@code loss}, for at most {@code maxPerParam} random entries of each parameter.
     */
    public static Report params(ParameterStore store, DoubleSupplier loss, int maxPerParam, long seed) {
        return params(store, loss, maxPerParam, seed, name -> true);
    }

    /** As {@link #params(ParameterStore, DoubleSupplier, int, long)}, for the parameters whose name {@code which} accepts. */
    public static Report params(ParameterStore store, DoubleSupplier loss, int maxPerParam, long seed,
                                java.util.function.Predicate<String> which) {
        requireDouble(store.values());
        List<String> failures = new ArrayList<>();
        double worst = 0;
        int checked = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        INDArray values = store.values();
        double floor = ABS_FLOOR * Math.max(1, Math.abs(loss.getAsDouble()));
        INDArray grads = store.grads().dup();
        long offset = 0;
        for (Param p : store.params()) {
            long n = p.length();
            if (!which.test(p.name())) {
                offset += n;
                continue;
            }
            long[] idx = pick(n, maxPerParam, rnd);
            for (long i : idx) {
                long flat = offset + i;
                double numeric = numeric(values, flat, loss);
                double analytic = grads.getDouble(flat);
                double e = compare(p.name() + "[" + i + "]", analytic, numeric, floor, failures);
                worst = Math.max(worst, e);
                checked++;
            }
            offset += n;
        }
        return new Report("parameters", checked, worst, failures);
    }

    /** Checks {@code analyticGrad} of the input array {@code x} (perturbed in place) against finite differences. */
    public static Report input(String name, INDArray x, INDArray analyticGrad, DoubleSupplier loss, int maxEntries, long seed) {
        requireDouble(x);
        List<String> failures = new ArrayList<>();
        double worst = 0;
        int checked = 0;
        double floor = ABS_FLOOR * Math.max(1, Math.abs(loss.getAsDouble()));
        INDArray flatX = x.reshape(x.length());
        INDArray flatG = analyticGrad.dup().reshape(x.length());
        for (long i : pick(x.length(), maxEntries, new SplittableRandom(seed))) {
            double numeric = numeric(flatX, i, loss);
            double e = compare(name + "[" + i + "]", flatG.getDouble(i), numeric, floor, failures);
            worst = Math.max(worst, e);
            checked++;
        }
        return new Report(name, checked, worst, failures);
    }

    private static double numeric(INDArray flat, long i, DoubleSupplier loss) {
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + STEP);
        double plus = loss.getAsDouble();
        flat.putScalar(i, orig - STEP);
        double minus = loss.getAsDouble();
        flat.putScalar(i, orig);
        return (plus - minus) / (2 * STEP);
    }

    private static double compare(String where, double analytic, double numeric, double floor, List<String> failures) {
        double diff = Math.abs(analytic - numeric);
        double size = Math.max(Math.abs(analytic), Math.abs(numeric));
        double rel = size == 0 ? 0 : diff / size;
        if (diff >= floor && !(rel < MAX_RELATIVE_ERROR)) {
            failures.add(where + ": analytic " + analytic + " numeric " + numeric + " rel " + rel);
        }
        return size >= 1000 * floor ? rel : 0;
    }

    private static long[] pick(long n, int max, SplittableRandom rnd) {
        if (n <= max) {
            long[] all = new long[(int) n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        long[] some = new long[max];
        for (int i = 0; i < max; i++) {
            some[i] = rnd.nextLong(n);
        }
        return some;
    }

    private static void requireDouble(INDArray a) {
        if (a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checks run in double precision, got " + a.dataType());
        }
    }
}
