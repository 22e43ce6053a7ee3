package org.unimoj.model.generate;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.ModelInput;

/**
 * The model side of a search: rows are {@code inputs x copies} (beams), row {@code i * copies + j}
 * belongs to input {@code i}. Returned log-probabilities {@code [rows, vocab]} are valid until the
 * next call.
 */
public interface StepDecoder {

    /** Encodes the sources and returns the log-probabilities of every row's first token. */
    INDArray start(List<ModelInput> inputs, int copies, int maxNewTokens);

    /** Appends one token to every row and returns the log-probabilities of the next. */
    INDArray step(int[] tokens);

    /** Row {@code r} continues the hypothesis of row {@code origins[r]} (beam reordering). */
    void reorder(int[] origins);
}
