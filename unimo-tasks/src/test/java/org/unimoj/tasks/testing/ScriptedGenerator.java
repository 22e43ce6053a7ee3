package org.unimoj.tasks.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.text.TextEncoder;

/** A predictor that "generates" by a rule on the decoded source, so a test knows every output in advance. */
public final class ScriptedGenerator implements Predictor {

    private final TextEncoder text;
    private final Function<String, String> rule;
    public final List<ModelInput> seen = new ArrayList<>();

    public ScriptedGenerator(TextEncoder text, Function<String, String> rule) {
        this.text = text;
        this.rule = rule;
    }

    @Override
    public List<Prediction> predict(List<ModelInput> inputs) {
        throw new UnsupportedOperationException("a generation task");
    }

    @Override
    public List<Prediction.Text> generate(List<ModelInput> inputs) {
        List<Prediction.Text> out = new ArrayList<>();
        for (ModelInput in : inputs) {
            seen.add(in);
            String s = rule.apply(text.decode(Arrays.copyOf(in.textIds(), in.sourceLength())));
            out.add(new Prediction.Text(text.encode(s), s, -1.0));
        }
        return out;
    }

    @Override
    public List<float[]> embed(List<ModelInput> inputs) {
        throw new UnsupportedOperationException();
    }
}
