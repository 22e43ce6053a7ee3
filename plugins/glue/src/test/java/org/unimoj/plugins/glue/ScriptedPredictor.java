package org.unimoj.plugins.glue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.text.TextEncoder;

/** A predictor that answers by a rule on the input's decoded text, so a test knows every prediction in advance. */
final class ScriptedPredictor implements Predictor {

    private final TextEncoder text;
    private final Function<String, Prediction> rule;
    final List<String> seen = new ArrayList<>();

    ScriptedPredictor(TextEncoder text, Function<String, Prediction> rule) {
        this.text = text;
        this.rule = rule;
    }

    /** Class {@code k} of {@code n}, certain. */
    static Prediction.Classes classOf(int k, int n) {
        float[] p = new float[n];
        p[k] = 1f;
        return new Prediction.Classes(p);
    }

    @Override
    public List<Prediction> predict(List<ModelInput> inputs) {
        List<Prediction> out = new ArrayList<>();
        for (ModelInput in : inputs) {
            String s = text.decode(in.textIds());
            seen.add(s);
            out.add(rule.apply(s));
        }
        return out;
    }

    @Override
    public List<Prediction.Text> generate(List<ModelInput> inputs) {
        throw new UnsupportedOperationException("not a generation task");
    }

    @Override
    public List<float[]> embed(List<ModelInput> inputs) {
        throw new UnsupportedOperationException();
    }
}
