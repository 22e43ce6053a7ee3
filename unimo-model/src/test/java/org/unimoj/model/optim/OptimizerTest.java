package org.unimoj.model.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.pretrain.DataParallelStep;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.testing.Arrays2;
import org.unimoj.model.testing.ToyBatches;

class OptimizerTest {

    private static final DataType D = DataType.DOUBLE;

    /** AdamW as documented, element by element in plain Java: the independent reference. */
    private static double[] reference(double[] p, double[][] grads, double lr, AdamW.Settings s, boolean decayed) {
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        double[] x = p.clone();
        for (int t = 1; t <= grads.length; t++) {
            double[] g = grads[t - 1];
            double alpha = lr * Math.sqrt(1 - Math.pow(s.beta2(), t)) / (1 - Math.pow(s.beta1(), t));
            for (int i = 0; i < x.length; i++) {
                if (decayed) {
                    x[i] *= 1 - lr * s.weightDecay();
                }
                m[i] = s.beta1() * m[i] + (1 - s.beta1()) * g[i];
                v[i] = s.beta2() * v[i] + (1 - s.beta2()) * g[i] * g[i];
                x[i] -= alpha * m[i] / (Math.sqrt(v[i]) + s.epsilon());
            }
        }
        return x;
    }

    @Test
    void adamWMatchesItsFormulaAndSkipsDecayOnBiases() {
        ParameterStore store = new ParameterStore(D);
        Linear l = new Linear(store, "l", 3, 2, true, 0.5);
        store.allocate(1);
        l.bias().value().assign(Arrays2.gaussian(2, 1, D, 2));
        double[] w0 = l.weight().value().dup().data().asDouble();
        double[] b0 = l.bias().value().dup().data().asDouble();
        AdamW.Settings s = new AdamW.Settings(0.9, 0.98, 1e-6, 0.1);
        Optimizer o = new Optimizer(store, new Optimizer.Settings(LearningRateSchedule.constant(0.05), 0, s), LossScaler.fixed(1));
        double[][] gw = new double[3][];
        double[][] gb = new double[3][];
        for (int t = 0; t < 3; t++) {
            INDArray g = Arrays2.gaussian(10 + t, 1, D, 2, 3);
            INDArray h = Arrays2.gaussian(20 + t, 1, D, 2);
            l.weight().grad().assign(g);
            l.bias().grad().assign(h);
            gw[t] = g.data().asDouble();
            gb[t] = h.data().asDouble();
            Optimizer.Outcome out = o.apply(1);
            assertFalse(out.skipped());
            assertEquals(t + 1, out.update());
            assertEquals(0.0, store.grads().norm2Number().doubleValue(), 0.0, "gradients are zeroed");
        }
        double[] w = reference(w0, gw, 0.05, s, true);
        double[] b = reference(b0, gb, 0.05, s, false);
        double[] gotW = l.weight().value().dup().data().asDouble();
        double[] gotB = l.bias().value().dup().data().asDouble();
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], gotW[i], 1e-12);
        }
        for (int i = 0; i < b.length; i++) {
            assertEquals(b[i], gotB[i], 1e-12);
        }
    }

    @Test
    void warmupThenLinearDecay() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 10, 110);
        assertEquals(1e-4, s.rate(1), 1e-15);
        assertEquals(1e-3, s.rate(10), 1e-15);
        assertEquals(0.5e-3, s.rate(60), 1e-15);
        assertEquals(0.0, s.rate(110), 0.0);
        assertEquals(0.0, s.rate(200), 0.0);
        assertEquals(2e-5, LearningRateSchedule.constant(2e-5).rate(12345), 0.0);
    }

    @Test
    void clippingScalingAccumulationAndOverflow() {
        ParameterStore store = new ParameterStore(D);
        Linear l = new Linear(store, "l", 4, 4, false, 0.5);
        store.allocate(3);
        LossScaler.Dynamic scaler = LossScaler.dynamic(8, 2);
        Optimizer o = new Optimizer(store, new Optimizer.Settings(LearningRateSchedule.constant(0.1), 1.0, AdamW.Settings.defaults()), scaler);
        assertEquals(8.0 / 2, o.gradScale(2));
        // two micro-batches accumulated with the loss scale: the optimizer sees their mean, unscaled
        INDArray g1 = Arrays2.gaussian(5, 3, D, 4, 4);
        INDArray g2 = Arrays2.gaussian(6, 3, D, 4, 4);
        l.weight().grad().addi(g1.mul(o.gradScale(2))).addi(g2.mul(o.gradScale(2)));
        Optimizer.Outcome out = o.apply(2);
        assertEquals(g1.add(g2).divi(2).norm2Number().doubleValue(), out.gradNorm(), 1e-9);
        assertTrue(out.gradNorm() > 1.0, "the norm was clipped to 1");
        // an overflow skips the update and halves the scale
        INDArray before = store.values().dup();
        l.weight().grad().putScalar(0, Double.POSITIVE_INFINITY);
        Optimizer.Outcome skipped = o.apply(1);
        assertTrue(skipped.skipped());
        assertEquals(before, store.values());
        assertEquals(4.0, scaler.scale());
        assertEquals(1, o.updates());
    }

    @Test
    void parallelRangesGiveTheSameUpdate() {
        UnimoConfig c = ToyBatches.tinyConfig().withDropout(0, 0);
        PretrainBatch batch = ToyBatches.everyObjective(c, DataType.FLOAT);
        UnimoPretrainModel a = UnimoPretrainModel.create(c, DataType.FLOAT, 4);
        UnimoPretrainModel b = UnimoPretrainModel.create(c, DataType.FLOAT, 4);
        Optimizer.Settings s = new Optimizer.Settings(new LearningRateSchedule(1e-3, 1, 10), 0.5, AdamW.Settings.defaults());
        Optimizer oa = new Optimizer(a.parameters(), s, LossScaler.fixed(1));
        Optimizer ob = new Optimizer(b.parameters(), s, LossScaler.fixed(1));
        try (DataParallelStep pa = new DataParallelStep(a, 1); DataParallelStep pb = new DataParallelStep(b, 3)) {
            for (int step = 0; step < 3; step++) {
                pa.forwardBackward(batch, 1, step, oa.gradScale(1));
                pb.forwardBackward(batch, 1, step, ob.gradScale(1));
                Optimizer.Outcome x = oa.apply(1);
                Optimizer.Outcome y = ob.apply(1, pb.ranges());
                assertEquals(x.gradNorm(), y.gradNorm(), 1e-5 * x.gradNorm());
            }
        }
        double diff = a.parameters().values().sub(b.parameters().values()).norm2Number().doubleValue();
        assertTrue(diff < 1e-5 * a.parameters().values().norm2Number().doubleValue(), "parameter difference " + diff);
    }
}
