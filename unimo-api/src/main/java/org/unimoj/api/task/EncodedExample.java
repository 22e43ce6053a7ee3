package org.unimoj.api.task;

import java.util.List;
import java.util.Objects;

/**
 * An example ready for the model: one input for most tasks, a group of candidates for ranking.
 *
 * @param id     the example's id, for results files and error messages
 * @param inputs the model inputs (one, or the candidates of a ranking group)
 * @param target what the head learns
 */
public record EncodedExample(String id, List<ModelInput> inputs, Target target) {
    public EncodedExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("example " + id + " has no input");
        }
    }

    public static EncodedExample single(String id, ModelInput input, Target target) {
        return new EncodedExample(id, List.of(input), target);
    }
}
