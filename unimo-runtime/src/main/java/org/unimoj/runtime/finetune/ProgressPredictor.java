package org.unimoj.runtime.finetune;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;

/**
 * A {@link Predictor} that reports how much a task's scoring has done: a line with the inputs
 * predicted, generated and embedded so far and the rate, at most every {@code intervalSeconds}.
 * Tasks score whole splits through one predictor call after another; this is the progress the user
 * sees, whatever the task.
 */
public final class ProgressPredictor implements Predictor {

    private final Predictor inner;
    private final PrintWriter err;
    private final String label;
    private final double intervalSeconds;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long predicted;
    private long generated;
    private long embedded;

    public ProgressPredictor(Predictor inner, PrintWriter err, String label, double intervalSeconds) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.err = err;
        this.label = label;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public List<Prediction> predict(List<ModelInput> inputs) {
        List<Prediction> out = inner.predict(inputs);
        predicted += inputs.size();
        report(false);
        return out;
    }

    @Override
    public List<Prediction.Text> generate(List<ModelInput> inputs) {
        List<Prediction.Text> out = inner.generate(inputs);
        generated += inputs.size();
        report(false);
        return out;
    }

    @Override
    public List<float[]> embed(List<ModelInput> inputs) {
        List<float[]> out = inner.embed(inputs);
        embedded += inputs.size();
        report(false);
        return out;
    }

    /** Inputs that went through the model so far (predicted, generated and embedded). */
    public long inputs() {
        return predicted + generated + embedded;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Prints the line now (final = true) or when the interval has passed. */
    public void report(boolean fin) {
        long now = System.nanoTime();
        if (err == null || (!fin && (now - lastReport) / 1e9 < intervalSeconds)) {
            return;
        }
        lastReport = now;
        double s = (now - start) / 1e9;
        StringBuilder b = new StringBuilder(label).append(": ");
        if (predicted > 0) {
            b.append(predicted).append(" scored, ");
        }
        if (generated > 0) {
            b.append(generated).append(" generated, ");
        }
        if (embedded > 0) {
            b.append(embedded).append(" embedded, ");
        }
        b.append(String.format("%.1f s (%.0f inputs/s)", s, inputs() / Math.max(s, 1e-9)));
        err.println(b);
        err.flush();
    }
}
