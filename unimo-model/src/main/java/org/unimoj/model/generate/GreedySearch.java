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

/** Takes the most likely token at every step until end-of-sequence or the maximum length. */
@SuppressWarnings("try")
public final class GreedySearch {

    private GreedySearch() {}

    public static List<Hypothesis> search(StepDecoder decoder, List<ModelInput> inputs, GenerationSettings s, int eos) {
        int rows = inputs.size();
        List<int[]> tokens = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            tokens.add(new int[0]);
        }
        double[] logProb = new double[rows];
        boolean[] done = new boolean[rows];
        int[] last = new int[rows];
        for (int step = 0; step < s.maxLength(); step++) {
            try (MemoryWorkspace ignored = Workspaces.open("unimo-decode")) {
                INDArray logp = step == 0 ? decoder.start(inputs, 1, s.maxLength()) : decoder.step(last);
                Constraints.apply(logp, step, s.minLength(), eos, s.noRepeatTrigrams(), tokens);
                int[] best = Nd4j.argMax(logp, 1).toIntVector();
                boolean all = true;
                for (int r = 0; r < rows; r++) {
                    if (done[r]) {
                        last[r] = eos;
                        continue;
                    }
                    int[] t = Arrays.copyOf(tokens.get(r), tokens.get(r).length + 1);
                    t[t.length - 1] = best[r];
                    tokens.set(r, t);
                    logProb[r] += logp.getDouble(r, best[r]);
                    last[r] = best[r];
                    done[r] = best[r] == eos;
                    all &= done[r];
                }
                if (all) {
                    break;
                }
            }
        }
        List<Hypothesis> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int[] t = tokens.get(r);
            out.add(new Hypothesis(t, logProb[r], logProb[r] / Hypothesis.lengthPenalty(t.length, s.lengthPenalty())));
        }
        return out;
    }
}
