package org.unimoj.tasks.metrics.spice;

/**
 * SPICE of one candidate: true positives (candidate tuples with a similar reference tuple), false
 * positives, false negatives, and the precision, recall and F-score SPICE derives from them.
 */
public record SpiceEvaluation(int tp, int fp, int fn, double precision, double recall, double f) {

    /**
     * As SPICE's {@code Evaluation} for "All" tuples: with no reference tuple both precision and recall
     * stay 0; with no candidate tuple precision stays 0; F is 0 unless both are positive.
     */
    static SpiceEvaluation of(int tp, int candidates, int references) {
        int fp = candidates - tp;
        int fn = references - tp;
        double pr = 0;
        double re = 0;
        double f = 0;
        int refN = fn + tp;
        int testN = fp + tp;
        if (refN > 0) {
            re = tp / (double) refN;
            if (testN > 0) {
                pr = tp / (double) testN;
            }
            if (pr > 0 && re > 0) {
                f = 2 * pr * re / (pr + re);
            }
        }
        return new SpiceEvaluation(tp, fp, fn, pr, re, f);
    }
}
