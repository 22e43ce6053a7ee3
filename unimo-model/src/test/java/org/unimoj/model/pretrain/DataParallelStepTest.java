package org.unimoj.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.testing.ToyBatches;

/** Sharding a batch over worker threads gives the gradients and losses of the whole batch. */
class DataParallelStepTest {

    @Test
    void shardsGiveTheWholeBatchGradient() {
        UnimoConfig c = ToyBatches.tinyConfig().withDropout(0, 0);
        PretrainBatch batch = ToyBatches.everyObjective(c, DataType.DOUBLE);
        UnimoPretrainModel reference = UnimoPretrainModel.create(c, DataType.DOUBLE, 8);
        reference.parameters().zeroGrads();
        ObjectiveLosses expected = reference.forwardBackward(batch, null, 0.5);
        INDArray expectedGrads = reference.parameters().grads().dup();
        for (int workers : new int[] {1, 2, 3, 4}) {
            UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.DOUBLE, 8);
            try (DataParallelStep step = new DataParallelStep(m, workers)) {
                m.parameters().zeroGrads();
                ObjectiveLosses got = step.forwardBackward(batch, 1, 0, 0.5);
                for (Objective o : Objective.values()) {
                    assertEquals(expected.get(o), got.get(o), 1e-12, workers + " workers, " + o);
                }
                INDArray g = m.parameters().grads();
                double err = g.sub(expectedGrads).norm2Number().doubleValue() / expectedGrads.norm2Number().doubleValue();
                assertTrue(err < 1e-12, workers + " workers: relative gradient difference " + err);
                for (int s = 1; s < m.parameters().gradientSlots(); s++) {
                    assertEquals(0.0, m.parameters().gradientSlot(s).norm2Number().doubleValue(), 0.0, "slot " + s + " is folded and zeroed");
                }
            }
        }
    }

    @Test
    void aResumedParallelRunReproducesItsLosses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        UnimoConfig c = ToyBatches.tinyConfig();
        PretrainBatch batch = ToyBatches.everyObjective(c, DataType.FLOAT);
        org.unimoj.model.optim.Optimizer.Settings settings = new org.unimoj.model.optim.Optimizer.Settings(
                new org.unimoj.model.optim.LearningRateSchedule(1e-2, 2, 20), 1.0, org.unimoj.model.optim.AdamW.Settings.defaults());
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 10);
        org.unimoj.model.optim.Optimizer o = new org.unimoj.model.optim.Optimizer(m.parameters(), settings, org.unimoj.model.optim.LossScaler.fixed(1));
        double[] expected = new double[3];
        try (DataParallelStep step = new DataParallelStep(m, 2)) {
            for (int s = 0; s < 5; s++) {
                if (s == 2) {
                    org.unimoj.model.checkpoint.Checkpoint.save(dir, c, m.parameters(), o, java.util.Map.of(), org.unimoj.model.checkpoint.TensorType.F32);
                }
                double l = step.forwardBackward(batch, 77, s, o.gradScale(1)).total();
                o.apply(1, step.ranges());
                m.afterUpdate();
                if (s >= 2) {
                    expected[s - 2] = l;
                }
            }
        }
        UnimoPretrainModel r = org.unimoj.model.checkpoint.Checkpoint.loadPretrainModel(dir, DataType.FLOAT);
        org.unimoj.model.optim.Optimizer ro = new org.unimoj.model.optim.Optimizer(r.parameters(), settings, org.unimoj.model.optim.LossScaler.fixed(1));
        org.unimoj.model.checkpoint.Checkpoint.loadOptimizer(dir, ro, r.parameters());
        try (DataParallelStep step = new DataParallelStep(r, 2)) {
            for (int s = 2; s < 5; s++) {
                double l = step.forwardBackward(batch, 77, s, ro.gradScale(1)).total();
                ro.apply(1, step.ranges());
                r.afterUpdate();
                assertEquals(expected[s - 2], l, 1e-6, "step " + s);
            }
        }
    }

    @Test
    void withDropoutTheStepIsDeterministic() {
        UnimoConfig c = ToyBatches.tinyConfig();
        PretrainBatch batch = ToyBatches.everyObjective(c, DataType.FLOAT);
        double[] first = null;
        for (int run = 0; run < 2; run++) {
            UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 9);
            try (DataParallelStep step = new DataParallelStep(m, 2)) {
                m.parameters().zeroGrads();
                ObjectiveLosses l = step.forwardBackward(batch, 5, 3, 1.0);
                double[] now = {l.total(), m.parameters().grads().norm2Number().doubleValue()};
                if (first == null) {
                    first = now;
                } else {
                    assertEquals(first[0], now[0], 0.0);
                    assertEquals(first[1], now[1], 0.0);
                }
            }
        }
    }
}
