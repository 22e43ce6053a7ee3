package org.unimoj.model.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.unimoj.model.testing.Arrays2.gaussian;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.nn.L2Normalize;
import org.unimoj.model.testing.GradientCheck;

/** Each loss against an independent scalar computation and against finite differences. */
class LossTest {

    private static final DataType D = DataType.DOUBLE;

    @Test
    void crossEntropyWithSmoothingAndIgnoredRows() {
        INDArray logits = gaussian(1, 2, D, 5, 7);
        int[] labels = {3, SoftmaxCrossEntropy.IGNORE, 0, 6, 3};
        double eps = 0.1;
        LossValue l = SoftmaxCrossEntropy.compute(logits, labels, eps, SoftmaxCrossEntropy.IGNORE);
        // reference: mean over kept rows of -( (1-eps) log p_y + eps/C sum_c log p_c )
        double ref = 0;
        int kept = 0;
        for (int i = 0; i < 5; i++) {
            if (labels[i] == SoftmaxCrossEntropy.IGNORE) {
                continue;
            }
            double[] row = logits.getRow(i).toDoubleVector();
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : row) {
                z += Math.exp(v - max);
            }
            double lse = max + Math.log(z);
            double smooth = 0;
            for (double v : row) {
                smooth += v - lse;
            }
            ref += -((1 - eps) * (row[labels[i]] - lse) + eps / 7 * smooth);
            kept++;
        }
        assertEquals(ref / kept, l.value(), 1e-12);
        assertEquals(4, l.count());
        assertEquals(0.0, l.gradient().getRow(1).norm2Number().doubleValue(), 0.0);
        GradientCheck.input("logits", logits, l.gradient(),
                () -> SoftmaxCrossEntropy.compute(logits, labels, eps, SoftmaxCrossEntropy.IGNORE).value(), 100, 2).assertPassed();
    }

    @Test
    void crossEntropyOfAllIgnoredRowsIsZero() {
        LossValue l = SoftmaxCrossEntropy.compute(gaussian(3, 1, D, 2, 3), new int[] {-100, -100});
        assertEquals(0.0, l.value(), 0.0);
        assertEquals(0, l.count());
    }

    @Test
    void meanSquaredError() {
        INDArray p = gaussian(4, 1, D, 3, 4);
        INDArray t = gaussian(5, 1, D, 3, 4);
        LossValue l = MeanSquaredError.compute(p, t);
        double ref = 0;
        for (int i = 0; i < 12; i++) {
            double d = p.getDouble(i) - t.getDouble(i);
            ref += d * d;
        }
        assertEquals(ref / 12, l.value(), 1e-12);
        GradientCheck.input("prediction", p, l.gradient(), () -> MeanSquaredError.compute(p, t).value(), 100, 6).assertPassed();
    }

    @Test
    void klAgainstSoftLabelsWithZeros() {
        INDArray logits = gaussian(7, 1, D, 3, 5);
        INDArray target = Nd4j.createFromArray(new double[][] {
                {0.5, 0.5, 0, 0, 0}, {0.1, 0.2, 0.3, 0.2, 0.2}, {0, 0, 0, 1, 0}});
        LossValue l = SoftTargetKl.compute(logits, target);
        double ref = 0;
        for (int i = 0; i < 3; i++) {
            double[] row = logits.getRow(i).toDoubleVector();
            double z = 0;
            for (double v : row) {
                z += Math.exp(v);
            }
            for (int c = 0; c < 5; c++) {
                double p = target.getDouble(i, c);
                if (p > 0) {
                    ref += p * (Math.log(p) - (row[c] - Math.log(z)));
                }
            }
        }
        assertEquals(ref / 3, l.value(), 1e-12);
        GradientCheck.input("logits", logits, l.gradient(), () -> SoftTargetKl.compute(logits, target).value(), 100, 8).assertPassed();
    }

    @Test
    void sigmoidBinaryCrossEntropyOnSoftLabels() {
        INDArray logits = gaussian(15, 3, D, 3, 4);
        INDArray y = Nd4j.createFromArray(new double[][] {{0, 0.3, 1, 0}, {1, 1, 0.6, 0}, {0, 0, 0, 0.9}});
        LossValue l = SigmoidBinaryCrossEntropy.compute(logits, y);
        double ref = 0;
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 4; c++) {
                double p = 1 / (1 + Math.exp(-logits.getDouble(i, c)));
                double t = y.getDouble(i, c);
                ref -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
            }
        }
        assertEquals(ref / 12, l.value(), 1e-12);
        GradientCheck.input("logits", logits, l.gradient(), () -> SigmoidBinaryCrossEntropy.compute(logits, y).value(), 100, 16).assertPassed();
    }

    @Test
    void contrastiveMultiPositiveGradients() {
        INDArray images = L2Normalize.forward(gaussian(9, 1, D, 4, 6)).z();
        INDArray texts = L2Normalize.forward(gaussian(10, 1, D, 5, 6)).z();
        List<ContrastiveGroup> groups = List.of(
                new ContrastiveGroup(List.of(new PairRef(0, 0), new PairRef(1, 0), new PairRef(0, 4)),
                        List.of(new PairRef(2, 2), new PairRef(3, 3))),
                new ContrastiveGroup(List.of(new PairRef(2, 1)), List.of(new PairRef(2, 3), new PairRef(1, 1), new PairRef(3, 0))));
        double tau = 0.3;
        ContrastiveLoss.Result r = ContrastiveLoss.compute(images, texts, groups, tau);
        // reference value of group 1 computed directly from cosine similarities
        double a = Math.exp(cos(images, 0, texts, 0) / tau) + Math.exp(cos(images, 1, texts, 0) / tau) + Math.exp(cos(images, 0, texts, 4) / tau);
        double all1 = a + Math.exp(cos(images, 2, texts, 2) / tau) + Math.exp(cos(images, 3, texts, 3) / tau);
        double b = Math.exp(cos(images, 2, texts, 1) / tau);
        double all2 = b + Math.exp(cos(images, 2, texts, 3) / tau) + Math.exp(cos(images, 1, texts, 1) / tau) + Math.exp(cos(images, 3, texts, 0) / tau);
        assertEquals((-Math.log(a / all1) - Math.log(b / all2)) / 2, r.value(), 1e-12);
        GradientCheck.input("images", images, r.dImages(), () -> ContrastiveLoss.compute(images, texts, groups, tau).value(), 100, 11).assertPassed();
        GradientCheck.input("texts", texts, r.dTexts(), () -> ContrastiveLoss.compute(images, texts, groups, tau).value(), 100, 12).assertPassed();
        double h = 1e-6;
        double numeric = (ContrastiveLoss.compute(images, texts, groups, tau + h).value() - ContrastiveLoss.compute(images, texts, groups, tau - h).value()) / (2 * h);
        assertEquals(numeric, r.dTemperature(), 1e-5 * Math.abs(numeric));
    }

    @Test
    void inBatchInfoNceIsTheSymmetricCrossEntropy() {
        int n = 4;
        INDArray images = L2Normalize.forward(gaussian(13, 1, D, n, 6)).z();
        INDArray texts = L2Normalize.forward(gaussian(14, 1, D, n, 6)).z();
        double tau = 0.07;
        ContrastiveLoss.Result r = ContrastiveLoss.compute(images, texts, ContrastiveLoss.inBatchGroups(n), tau);
        INDArray logits = texts.mmul(images.transpose()).divi(tau);
        int[] diag = {0, 1, 2, 3};
        double expected = (SoftmaxCrossEntropy.compute(logits, diag).value() + SoftmaxCrossEntropy.compute(logits.transpose().dup(), diag).value()) / 2;
        assertEquals(expected, r.value(), 1e-12);
    }

    private static double cos(INDArray a, int i, INDArray b, int j) {
        return a.getRow(i).mul(b.getRow(j)).sumNumber().doubleValue();
    }
}
