package org.unimoj.api.task;

import java.io.IOException;
import org.unimoj.api.data.Split;

/**
 * Optional for a {@link Task}: a trivial system scored with the task's own metrics (majority
 * class, chance, the most frequent answer, ...), so every fine-tuned result can be read against
 * it. It uses no model; it may read the training split.
 */
public interface TrivialBaseline {

    /** One line that says what the baseline does ("the majority class of the training set"). */
    String baselineDescription();

    /** The baseline's metrics on {@code split}, named as {@link Task#evaluate} names them. */
    MetricReport evaluateBaseline(Split split) throws IOException;
}
