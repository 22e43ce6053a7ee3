package org.unimoj.tasks.metrics.meteor;

/**
 * METEOR's sufficient statistics of one segment or of a whole corpus (the sum of its segments'):
 * lengths, function-word counts, matched words per module split into content and function words,
 * chunks, and matched words. The score is computed from them by {@link #score(MeteorParameters)}, so
 * a corpus score is not the mean of segment scores.
 */
public final class MeteorStats {

    final double testLength;
    final double refLength;
    final double testFunctionWords;
    final double refFunctionWords;
    final double[] testContent;
    final double[] refContent;
    final double[] testFunction;
    final double[] refFunction;
    final double chunks;
    final double testWordMatches;
    final double refWordMatches;

    MeteorStats(double testLength, double refLength, double testFunctionWords, double refFunctionWords,
            double[] testContent, double[] refContent, double[] testFunction, double[] refFunction,
            double chunks, double testWordMatches, double refWordMatches) {
        this.testLength = testLength;
        this.refLength = refLength;
        this.testFunctionWords = testFunctionWords;
        this.refFunctionWords = refFunctionWords;
        this.testContent = testContent;
        this.refContent = refContent;
        this.testFunction = testFunction;
        this.refFunction = refFunction;
        this.chunks = chunks;
        this.testWordMatches = testWordMatches;
        this.refWordMatches = refWordMatches;
    }

    /** The statistics of nothing, to sum segments into. */
    public static MeteorStats zero() {
        int m = MeteorAligner.MODULES;
        return new MeteorStats(0, 0, 0, 0, new double[m], new double[m], new double[m], new double[m], 0, 0, 0);
    }

    double testTotalMatches() {
        double t = 0;
        for (int i = 0; i < testContent.length; i++) {
            t += testContent[i] + testFunction[i];
        }
        return t;
    }

    double refTotalMatches() {
        double t = 0;
        for (int i = 0; i < refContent.length; i++) {
            t += refContent[i] + refFunction[i];
        }
        return t;
    }

    /** Every word matched, in one chunk: the fragmentation penalty is zero. */
    boolean perfect() {
        return testTotalMatches() == testLength && refTotalMatches() == refLength && chunks == 1;
    }

    /**
     * This corpus plus one more segment, as METEOR aggregates: all counts add, except that a perfect
     * segment's single chunk is not added.
     */
    public MeteorStats plus(MeteorStats s) {
        int m = testContent.length;
        double[] tc = new double[m];
        double[] rc = new double[m];
        double[] tf = new double[m];
        double[] rf = new double[m];
        for (int i = 0; i < m; i++) {
            tc[i] = testContent[i] + s.testContent[i];
            rc[i] = refContent[i] + s.refContent[i];
            tf[i] = testFunction[i] + s.testFunction[i];
            rf[i] = refFunction[i] + s.refFunction[i];
        }
        return new MeteorStats(testLength + s.testLength, refLength + s.refLength,
                testFunctionWords + s.testFunctionWords, refFunctionWords + s.refFunctionWords,
                tc, rc, tf, rf, chunks + (s.perfect() ? 0 : s.chunks),
                testWordMatches + s.testWordMatches, refWordMatches + s.refWordMatches);
    }

    /** METEOR's score: the alpha-weighted harmonic mean of P and R, times one minus the fragmentation penalty. */
    public double score(MeteorParameters p) {
        double delta = p.delta();
        double testWeightedLength = delta * (testLength - testFunctionWords) + (1.0 - delta) * testFunctionWords;
        double refWeightedLength = delta * (refLength - refFunctionWords) + (1.0 - delta) * refFunctionWords;
        double testWeighted = 0;
        double refWeighted = 0;
        for (int i = 0; i < testContent.length; i++) {
            testWeighted += testContent[i] * p.weight(i) * delta;
        }
        for (int i = 0; i < refContent.length; i++) {
            refWeighted += refContent[i] * p.weight(i) * delta;
        }
        for (int i = 0; i < testFunction.length; i++) {
            testWeighted += testFunction[i] * p.weight(i) * (1.0 - delta);
        }
        for (int i = 0; i < refFunction.length; i++) {
            refWeighted += refFunction[i] * p.weight(i) * (1.0 - delta);
        }
        double precision = testWeighted / testWeightedLength;
        double recall = refWeighted / refWeightedLength;
        double fMean = 1.0 / (((1.0 - p.alpha()) / precision) + (p.alpha() / recall));
        double frag;
        if (testTotalMatches() == testLength && refTotalMatches() == refLength && chunks == 1) {
            frag = 0;
        } else {
            frag = chunks / ((testWordMatches + refWordMatches) / 2);
        }
        double penalty = p.gamma() * Math.pow(frag, p.beta());
        double score = fMean * (1.0 - penalty);
        return Double.isNaN(score) ? 0 : Math.max(score, 0.0);
    }

    @Override
    public String toString() {
        return "MeteorStats[test=" + testLength + ", ref=" + refLength + ", matches=" + testWordMatches + "/" + refWordMatches
                + ", chunks=" + chunks + "]";
    }
}
