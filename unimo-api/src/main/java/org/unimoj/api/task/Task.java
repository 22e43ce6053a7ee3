package org.unimoj.api.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.unimoj.api.data.Split;

/**
 * One opened task: the hooks the runtime's loader, trainer and evaluator call. The example type
 * {@code E} is the task's own record (a VQA question, a GLUE row, ...); the runtime never looks
 * inside it.
 *
 * @param <E> the task's example record
 */
public interface Task<E> {

    /** The full name, e.g. {@code vqa} or {@code glue/sst2}. */
    String name();

    /**
     * Streams the examples of a split from the context's data directory, validating each. The
     * caller closes the stream; a bad record is an error naming file, line and field, or goes to
     * quarantine under {@link org.unimoj.api.data.ReadPolicy#SKIP}.
     */
    Stream<E> read(Split split) throws IOException;

    /** Turns one example into what the model takes, and the target the head learns. */
    EncodedExample encode(E example);

    /** The head to put on the encoder, its loss and how it decodes. */
    HeadSpec head();

    /**
     * Scores a split with a trained model and returns the task's metrics, in the order a user
     * should read them (the first is the one model selection uses).
     */
    MetricReport evaluate(Split split, Predictor predictor) throws IOException;

    /**
     * Writes the predictions of a split in the format the task's official evaluation takes (COCO
     * results JSON, VQA results JSON, GLUE submission TSV, ...) and returns the file written.
     */
    Path writeResults(Split split, Predictor predictor, Path outputDir) throws IOException;
}
