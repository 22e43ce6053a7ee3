package org.unimoj.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.UnimoConfig;

/** Checks generation inputs and cuts each to its source. */
final class SourceBatch {

    private SourceBatch() {}

    static List<ModelInput> sources(List<ModelInput> inputs, UnimoConfig config, int maxNewTokens) {
        List<ModelInput> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput in = inputs.get(i);
            if (in.attention() == AttentionKind.BIDIRECTIONAL) {
                throw new IllegalArgumentException("input " + i + ": generation needs the SEQ2SEQ or CAPTION pattern, not BIDIRECTIONAL");
            }
            int src = in.sourceLength();
            if (src < 1) {
                throw new IllegalArgumentException("input " + i + ": generation needs at least one source token (e.g. [CLS] for captioning)");
            }
            if (src + maxNewTokens > config.maxTextLength()) {
                throw new IllegalArgumentException("input " + i + ": " + src + " source tokens + " + maxNewTokens
                        + " new ones exceed the model's " + config.maxTextLength() + " text positions");
            }
            out.add(new ModelInput(Arrays.copyOf(in.textIds(), src), src, in.image(), in.attention()));
        }
        return out;
    }
}
