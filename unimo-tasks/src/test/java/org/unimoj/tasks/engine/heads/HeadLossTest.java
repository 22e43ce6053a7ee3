package org.unimoj.tasks.engine.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.nn.Tensors;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.batch.TaskBatch;
import org.unimoj.tasks.engine.testing.HeadCases;
import org.unimoj.tasks.engine.testing.Toys;

/**
 * Each head's loss and metric against the textbook formula computed here from the head's raw
 * outputs (logits, values, scores; for generation the LM logits at positions found from the
 * inputs, not from the batch's own bookkeeping).
 */
class HeadLossTest {

    static List<HeadCases.Case> cases() {
        return HeadCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossAndMetricAreTheFormula(HeadCases.Case k) {
        TaskModel m = TaskModel.create(Toys.gradConfig(), k.head(), DataType.DOUBLE, 31);
        TaskBatch batch = m.batch(k.examples());
        EncoderPass pass = m.encode(batch.input());
        HeadOutcome o = m.taskHead().run(pass, batch, null, 1.0, false);
        double[] expected = k.head() instanceof HeadSpec.Generate g ? generate(m, pass, batch, g) : pooled(m, pass, batch);
        assertEquals(expected[0], o.loss(), 1e-10, "loss");
        assertEquals(expected[1], o.metricSum(), 1e-10, "metric sum");
        assertEquals((long) expected[2], o.count(), "count");
    }

    private static double[] pooled(TaskModel m, EncoderPass pass, TaskBatch batch) {
        double[][] y = ((PooledHead) m.taskHead()).outputs(pass).toDoubleMatrix();
        HeadSpec spec = m.head();
        List<EncodedExample> ex = batch.examples();
        int n = ex.size();
        double loss = 0;
        double metric = 0;
        int row = 0;
        for (EncodedExample e : ex) {
            if (spec instanceof HeadSpec.Classify c && !c.softLabels()) {
                int label = ((Target.ClassLabel) e.target()).label();
                double[] logp = logSoftmax(y[row]);
                double eps = c.labelSmoothing();
                double l = -(1 - eps) * logp[label];
                for (double v : logp) {
                    l -= eps / logp.length * v;
                }
                loss += l / n;
                metric += argmax(y[row]) == label ? 1 : 0;
            } else if (spec instanceof HeadSpec.Classify) {
                float[] t = ((Target.SoftLabels) e.target()).scores();
                for (int j = 0; j < t.length; j++) {
                    double p = 1 / (1 + Math.exp(-y[row][j]));
                    loss += -(t[j] * Math.log(p) + (1 - t[j]) * Math.log(1 - p)) / n;
                }
                metric += t[argmax(y[row])];
            } else if (spec instanceof HeadSpec.Regress) {
                double d = y[row][0] - ((Target.Value) e.target()).value();
                loss += d * d / n;
                metric += Math.abs(d);
            } else {
                int size = e.inputs().size();
                double[] s = new double[size];
                for (int j = 0; j < size; j++) {
                    s[j] = y[row + j][0];
                }
                int pos = ((Target.Ranking) e.target()).positive();
                loss += -logSoftmax(s)[pos] / n;
                boolean top = true;
                for (int j = 0; j < size; j++) {
                    top &= j == pos || s[j] < s[pos];
                }
                metric += top ? 1 : 0;
            }
            row += e.inputs().size();
        }
        return new double[] {loss, metric, n};
    }

    private static double[] generate(TaskModel m, EncoderPass pass, TaskBatch batch, HeadSpec.Generate g) {
        int seq = batch.input().seqLength();
        int regionSlots = batch.input().regionSlots();
        double loss = 0;
        double metric = 0;
        int count = 0;
        List<double[]> rows = new java.util.ArrayList<>();
        List<Integer> labels = new java.util.ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            EncodedExample e = batch.examples().get(b);
            ModelInput in = e.inputs().get(0);
            int[] target = ((Target.Tokens) e.target()).ids();
            int src = in.sourceLength();
            for (int j = 0; j < target.length; j++) {
                // the output at the token before target j (the last source token for j = 0)
                long row = (long) b * seq + regionSlots + src - 1 + j;
                INDArray h = Tensors.gatherRows(pass.sequence(), new long[] {row});
                rows.add(m.lmHead().forward(h).logits().toDoubleVector());
                labels.add(target[j]);
            }
        }
        count = labels.size();
        double eps = g.labelSmoothing();
        for (int i = 0; i < count; i++) {
            double[] logp = logSoftmax(rows.get(i));
            double l = -(1 - eps) * logp[labels.get(i)];
            for (double v : logp) {
                l -= eps / logp.length * v;
            }
            loss += l / count;
            metric += argmax(rows.get(i)) == labels.get(i) ? 1 : 0;
        }
        return new double[] {loss, metric, count};
    }

    private static double[] logSoftmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        double lz = max + Math.log(sum);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - lz;
        }
        return out;
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }
}
