package org.unimoj.tasks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.tasks.engine.testing.Toys;

/** The sharded step: the whole batch's gradient whatever the sharding, determinism, and resumption. */
class FineTunerTest {

    private static final HeadSpec RANK = new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT);
    private static final HeadSpec GENERATE = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0.1f, new GenerationSettings(1, 0, 0, 3, false));
    private static final HeadSpec CLASSIFY = new HeadSpec.Classify(3, Pooling.TEXT_IMAGE_CONCAT, 6, false, 0.1f);

    /** Seven examples of uneven sizes (groups of 2 to 4 candidates, targets of 1 to 4 tokens). */
    static List<EncodedExample> examples(HeadSpec head) {
        UnimoConfig c = Toys.gradConfig();
        List<EncodedExample> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RegionFeatures img = Toys.randomImage("i" + i, 1 + i % 3, c.featureDim(), 40 + i);
            int w = 5 + i;
            if (head instanceof HeadSpec.Rank) {
                List<ModelInput> group = new ArrayList<>();
                for (int j = 0; j < 2 + i % 3; j++) {
                    group.add(ModelInput.imageText(img, new int[] {0, 5 + (i + j) % 12, 2}));
                }
                out.add(new EncodedExample("r" + i, group, new Target.Ranking(i % group.size())));
            } else if (head instanceof HeadSpec.Generate) {
                int[] target = new int[1 + i % 4];
                for (int j = 0; j < target.length; j++) {
                    target[j] = j == target.length - 1 ? 2 : 5 + (i + 3 * j) % 12;
                }
                out.add(EncodedExample.single("g" + i, new ModelInput(new int[] {0, w, 2}, 3, i % 2 == 0 ? img : null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(target)));
            } else {
                out.add(EncodedExample.single("c" + i, ModelInput.imageText(img, new int[] {0, w, 2}), new Target.ClassLabel(i % 3)));
            }
        }
        return out;
    }

    private static FineTuneSettings settings(int workers, int perPass, long seed) {
        return FineTuneSettings.of(1e-2, 1, 10, seed).withWorkers(workers).withMaxExamplesPerPass(perPass);
    }

    @Test
    void shardingDoesNotChangeTheStep() {
        UnimoConfig c = Toys.gradConfig().withDropout(0, 0);
        for (HeadSpec head : List.of(RANK, GENERATE, CLASSIFY)) {
            List<EncodedExample> ex = examples(head);
            double[] refLoss = new double[2];
            INDArray refParams;
            try (FineTuner t = new FineTuner(TaskModel.create(c, head, DataType.DOUBLE, 3), settings(1, 0, 5))) {
                for (int s = 0; s < 2; s++) {
                    refLoss[s] = t.step(ex).loss();
                }
                refParams = t.model().parameters().values().dup();
            }
            for (int[] layout : new int[][] {{2, 0}, {3, 0}, {2, 1}, {1, 3}, {2, 2}}) {
                String what = head.getClass().getSimpleName() + ", " + layout[0] + " workers, " + layout[1] + " per pass";
                try (FineTuner t = new FineTuner(TaskModel.create(c, head, DataType.DOUBLE, 3), settings(layout[0], layout[1], 5))) {
                    assertTrue(t.settings().pieces(ex.size()) > 1, what);
                    for (int s = 0; s < 2; s++) {
                        assertEquals(refLoss[s], t.step(ex).loss(), 1e-12, what + ", step " + s);
                    }
                    INDArray p = t.model().parameters().values();
                    double diff = p.sub(refParams).norm2Number().doubleValue() / refParams.norm2Number().doubleValue();
                    assertTrue(diff < 1e-12, what + ": parameters differ by " + diff);
                    for (int slot = 1; slot < t.model().parameters().gradientSlots(); slot++) {
                        assertEquals(0.0, t.model().parameters().gradientSlot(slot).norm2Number().doubleValue(), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void piecesAreAMultipleOfTheWorkersWithinThePassLimit() {
        assertEquals(2, settings(2, 0, 0).pieces(32));
        assertEquals(4, settings(2, 10, 0).pieces(32));
        assertEquals(4, settings(2, 12, 0).pieces(32));
        assertEquals(1, settings(2, 0, 0).pieces(1));
        assertEquals(3, settings(2, 1, 0).pieces(3));
        assertEquals(3, settings(3, 0, 0).pieces(7));
    }

    @Test
    void aStepIsDeterministicInItsSeed() {
        List<EncodedExample> ex = examples(CLASSIFY);
        double[][] losses = new double[3][3];
        long[] seeds = {8, 8, 9};
        for (int run = 0; run < 3; run++) {
            try (FineTuner t = new FineTuner(TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 4), settings(2, 0, seeds[run]))) {
                for (int s = 0; s < 3; s++) {
                    losses[run][s] = t.step(ex).loss();
                }
            }
        }
        for (int s = 0; s < 3; s++) {
            assertEquals(losses[0][s], losses[1][s], 0.0, "same seed, step " + s);
        }
        assertNotEquals(losses[0][0], losses[2][0], "another seed draws other dropout masks");
    }

    @Test
    void aResumedRunRepeatsItsLosses(@TempDir Path dir) {
        for (HeadSpec head : List.of(GENERATE, RANK)) {
            List<EncodedExample> ex = examples(head);
            FineTuneSettings s = settings(2, 2, 77);
            double[] expected = new double[3];
            Path ckpt = dir.resolve(head.getClass().getSimpleName());
            try (FineTuner t = new FineTuner(TaskModel.create(Toys.gradConfig(), head, DataType.FLOAT, 10), s)) {
                for (int step = 0; step < 5; step++) {
                    if (step == 2) {
                        t.save(ckpt, Map.of("data_position", "14"));
                    }
                    double l = t.step(ex).loss();
                    if (step >= 2) {
                        expected[step - 2] = l;
                    }
                }
            }
            try (FineTuner r = FineTuner.resume(ckpt, head, s)) {
                assertEquals(2, r.updates());
                assertEquals("14", r.resumedMetadata().get("data_position"));
                for (int step = 2; step < 5; step++) {
                    StepResult out = r.step(ex);
                    assertEquals(step + 1, out.update());
                    assertEquals(expected[step - 2], out.loss(), 0.0, head + " step " + step);
                }
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuner.resume(ckpt, head, settings(2, 2, 78)));
            assertEquals(ckpt + ": the run was trained with seed 77, the settings say 78; a resumed run keeps its seed", e.getMessage());
        }
    }

    @Test
    void scoringTouchesNothing() {
        List<EncodedExample> ex = examples(CLASSIFY);
        try (FineTuner t = new FineTuner(TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.DOUBLE, 4), settings(2, 0, 1))) {
            INDArray before = t.model().parameters().values().dup();
            StepResult a = t.score(ex);
            StepResult b = t.score(ex);
            assertEquals(a.loss(), b.loss(), 0.0);
            assertEquals(0, t.updates());
            assertEquals(before, t.model().parameters().values());
            assertEquals(0.0, t.model().parameters().grads().norm2Number().doubleValue(), 0.0);
            double whole = t.model().loss(t.model().batch(ex), null).loss();
            assertEquals(whole, a.loss(), 1e-12, "the sharded score is the whole batch's mean");
            assertEquals("accuracy", a.metricName());
            assertEquals(7, a.examples());
        }
    }

    @Test
    void aFailedStepLeavesNoGradientBehind() {
        try (FineTuner t = new FineTuner(TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 4), settings(2, 0, 1))) {
            List<EncodedExample> bad = new ArrayList<>(examples(CLASSIFY));
            bad.set(5, EncodedExample.single("bad", bad.get(5).inputs().get(0), new Target.ClassLabel(7)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.step(bad));
            assertEquals("example 'bad': label 7 outside [0, 3)", e.getMessage());
            assertEquals(0, t.updates());
            StepResult ok = t.step(examples(CLASSIFY));
            assertEquals(1, ok.update());
            assertTrue(Double.isFinite(ok.loss()) && ok.gradNorm() > 0);
        }
    }
}
