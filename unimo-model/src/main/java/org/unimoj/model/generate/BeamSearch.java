package org.unimoj.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.nn.Workspaces;

/**
 * Beam search over a batch of inputs at once ({@code inputs x beam} decoder rows). Each step
 * ranks every extension of every live beam of an input by summed log-probability and walks the
 * best {@code 2 x beam}: an end-of-sequence extension among the first {@code beam} finishes a
 * hypothesis (ranked by {@code logProb / ((5 + len) / 6)^alpha}), other extensions fill the
 * {@code beam} live slots. An input is done once it has {@code beam} finished hypotheses (or at
 * the maximum length, when its live beams are finished as they are). With beam 1 this is greedy
 * search.
 */
@SuppressWarnings("try")
public final class BeamSearch {

    private BeamSearch() {}

    private static final class Example {
        final List<Hypothesis> finished = new ArrayList<>();
        boolean done;
    }

    public static List<Hypothesis> search(StepDecoder decoder, List<ModelInput> inputs, GenerationSettings s, int eos) {
        int n = inputs.size();
        int k = s.beamSize();
        int rows = n * k;
        double alpha = s.lengthPenalty();
        Example[] ex = new Example[n];
        for (int i = 0; i < n; i++) {
            ex[i] = new Example();
        }
        List<int[]> hist = new ArrayList<>(rows);
        double[] score = new double[rows];
        for (int r = 0; r < rows; r++) {
            hist.add(new int[0]);
            // all beams of an input start identical: keep one alive so the first step has no duplicates
            score[r] = r % k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        int[] next = new int[rows];
        for (int step = 0; step < s.maxLength(); step++) {
            boolean last = step == s.maxLength() - 1;
            try (MemoryWorkspace ignored = Workspaces.open("unimo-decode")) {
                INDArray logp = step == 0 ? decoder.start(inputs, k, s.maxLength()) : decoder.step(next);
                Constraints.apply(logp, step, s.minLength(), eos, s.noRepeatTrigrams(), hist);
                long vocab = logp.size(1);
                INDArray cand = logp.addColumnVector(Nd4j.createFromArray(score).reshape(rows, 1).castTo(logp.dataType()))
                        .reshape('c', n, k * vocab);
                int width = (int) Math.min(2L * k, k * vocab);
                double[][] values = new double[n][width];
                long[][] indices = new long[n][width];
                TopCandidates.select(cand, width, values, indices);
                int[] origins = new int[rows];
                double[] nextScore = new double[rows];
                List<int[]> nextHist = new ArrayList<>(rows);
                for (int i = 0; i < n; i++) {
                    int filled = 0;
                    if (!ex[i].done) {
                        for (int c = 0; c < width && filled < k; c++) {
                            double v = values[i][c];
                            if (v == Double.NEGATIVE_INFINITY) {
                                break;
                            }
                            int origin = i * k + (int) (indices[i][c] / vocab);
                            int token = (int) (indices[i][c] % vocab);
                            int[] h = Arrays.copyOf(hist.get(origin), hist.get(origin).length + 1);
                            h[h.length - 1] = token;
                            if (token == eos) {
                                if (c < k) {
                                    ex[i].finished.add(new Hypothesis(h, v, v / Hypothesis.lengthPenalty(h.length, alpha)));
                                }
                                continue;
                            }
                            int r = i * k + filled++;
                            origins[r] = origin;
                            next[r] = token;
                            nextScore[r] = v;
                            nextHist.add(h);
                        }
                        if (ex[i].finished.size() >= k) {
                            ex[i].done = true;
                        } else if (last || filled == 0) {
                            for (int j = 0; j < filled; j++) {
                                int[] h = nextHist.get(nextHist.size() - filled + j);
                                double v = nextScore[i * k + j];
                                ex[i].finished.add(new Hypothesis(h, v, v / Hypothesis.lengthPenalty(h.length, alpha)));
                            }
                            ex[i].done = true;
                        }
                    }
                    for (int j = filled; j < k; j++) {
                        int r = i * k + j;
                        origins[r] = i * k;
                        next[r] = eos;
                        nextScore[r] = Double.NEGATIVE_INFINITY;
                        nextHist.add(new int[0]);
                    }
                }
                if (nextHist.size() != rows) {
                    throw new IllegalStateException("beam bookkeeping lost rows: " + nextHist.size() + " != " + rows);
                }
                // filled input by input, live slots then dead ones: that is row order
                hist = nextHist;
                score = nextScore;
                boolean all = true;
                for (Example e : ex) {
                    all &= e.done;
                }
                if (all || last) {
                    break;
                }
                decoder.reorder(origins);
            }
        }
        List<Hypothesis> out = new ArrayList<>(n);
        for (Example e : ex) {
            Hypothesis best = null;
            for (Hypothesis h : e.finished) {
                if (best == null || h.score() > best.score()) {
                    best = h;
                }
            }
            out.add(best == null ? new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY) : best);
        }
        return out;
    }
}
