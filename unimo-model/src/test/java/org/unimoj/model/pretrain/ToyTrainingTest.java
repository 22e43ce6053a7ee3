package org.unimoj.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveLoss;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;

/** A tiny encoder learns toy tasks: the loss falls from chance to below a stated bound. */
class ToyTrainingTest {

    private static final int CLS = 0;
    private static final int SEP = 2;
    private static final int MASK = 3;
    private static final int FIRST_WORD = 4;
    private static final int WORDS = 12;

    private static UnimoConfig config() {
        return new UnimoConfig("toy", 2, 32, 2, 64, FIRST_WORD + WORDS, 20, 8, 2, 0, 0.0, 0.0, 1e-5, 0.05, 1, 0.1, true);
    }

    private static Optimizer optimizer(UnimoPretrainModel m, int steps) {
        return new Optimizer(m.parameters(), new Optimizer.Settings(new LearningRateSchedule(3e-3, 20, steps), 1.0, AdamW.Settings.defaults()),
                LossScaler.fixed(1));
    }

    private static double step(UnimoPretrainModel m, Optimizer o, PretrainBatch b, long s) {
        try (MemoryWorkspace ignored = Workspaces.open("toy-train")) {
            double l = m.forwardBackward(b, StepRandom.forStep(1, s), o.gradScale(1)).total();
            o.apply(1);
            m.afterUpdate();
            return l;
        }
    }

    /** {@code [CLS] a b c d [SEP] [MASK] x4 [SEP]}: predict the masked copy of the first half. */
    @Test
    void maskedLanguageModelLearnsToCopy() {
        UnimoConfig c = config();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 11);
        int steps = 300;
        Optimizer o = optimizer(m, steps);
        SplittableRandom rnd = new SplittableRandom(12);
        double first = Double.NaN;
        double recent = 0;
        for (int s = 0; s < steps; s++) {
            int n = 16;
            List<ModelInput> inputs = new ArrayList<>();
            int[] ex = new int[n * 4];
            int[] pos = new int[n * 4];
            int[] lab = new int[n * 4];
            for (int i = 0; i < n; i++) {
                int[] ids = new int[11];
                ids[0] = CLS;
                ids[5] = SEP;
                ids[10] = SEP;
                for (int k = 0; k < 4; k++) {
                    ids[1 + k] = FIRST_WORD + rnd.nextInt(WORDS);
                    ids[6 + k] = MASK;
                    ex[i * 4 + k] = i;
                    pos[i * 4 + k] = 6 + k;
                    lab[i * 4 + k] = ids[1 + k];
                }
                inputs.add(ModelInput.text(ids));
            }
            PretrainBatch b = new PretrainBatch(EncoderBatch.of(inputs, c), new TokenTargets(ex, pos, lab, 0.0), null, null, null);
            double l = step(m, o, b, s);
            if (s == 0) {
                first = l;
            }
            if (s >= steps - 20) {
                recent += l / 20;
            }
        }
        System.out.printf("toy MLM copy: first loss %.4f, mean of the last 20 steps %.4f%n", first, recent);
        assertTrue(first > 2.0, "starts near chance (ln 16 = 2.77, 16 ids): " + first);
        assertTrue(recent < 0.3, "copying is learnt: mean loss of the last 20 steps " + recent + " (started at " + first + ")");
    }

    /** Images of class k (a noisy class vector) and texts {@code [CLS] word_k [SEP]}: in-batch CMCL matches them. */
    @Test
    void contrastiveLearningMatchesPairs() {
        UnimoConfig c = config();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 21);
        int steps = 200;
        Optimizer o = optimizer(m, steps);
        SplittableRandom rnd = new SplittableRandom(22);
        double first = Double.NaN;
        double recent = 0;
        for (int s = 0; s < steps; s++) {
            int n = 8;
            List<ModelInput> inputs = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            for (int k = 0; k < WORDS; k++) {
                classes.add(k);
            }
            java.util.Collections.shuffle(classes, new java.util.Random(rnd.nextLong()));
            for (int i = 0; i < n; i++) {
                int k = classes.get(i);
                float[] f = new float[2 * c.featureDim()];
                for (int j = 0; j < f.length; j++) {
                    f[j] = (float) (0.3 * rnd.nextGaussian());
                }
                f[k % c.featureDim()] += 2f;
                f[c.featureDim() + (k / c.featureDim())] += 2f;
                RegionFeatures img = RegionFeatures.of("i" + i, 10, 10, c.featureDim(), new float[] {0, 0, 5, 5, 5, 5, 10, 10}, f);
                inputs.add(ModelInput.imageText(img, new int[] {CLS, FIRST_WORD + k, SEP}));
            }
            PretrainBatch b = new PretrainBatch(EncoderBatch.of(inputs, c), null, null, null, ContrastiveLoss.inBatchGroups(n));
            double l = step(m, o, b, s);
            if (s == 0) {
                first = l;
            }
            if (s >= steps - 20) {
                recent += l / 20;
            }
        }
        System.out.printf("toy CMCL matching: first loss %.4f, mean of the last 20 steps %.4f%n", first, recent);
        assertTrue(first > 1.5, "starts near chance (ln 8 = 2.08): " + first);
        assertTrue(recent < 0.3, "pairs are matched: mean loss of the last 20 steps " + recent + " (started at " + first + ")");
    }
}
