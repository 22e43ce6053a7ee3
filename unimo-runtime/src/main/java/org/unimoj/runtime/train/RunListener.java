package org.unimoj.runtime.train;

import java.nio.file.Path;

/**
 * Hears what a run does: the progress bar, the metrics log and the charts listen. Called from the
 * trainer's and the run coordinator's threads, one call at a time per run.
 */
public interface RunListener {

    /** Training starts at {@code firstStep} (after a resume, the step after the checkpoint) and ends at {@code lastStep}. */
    default void started(long firstStep, long lastStep) {}

    /** One step finished. */
    default void step(StepReport report) {}

    /** An evaluation finished. */
    default void evaluated(long step, String name, Evaluation.Result result, double seconds, boolean last) {}

    /** A checkpoint was written. */
    default void checkpointed(long step, Path dir, double seconds) {}

    /** Something worth a line for people. */
    default void message(String line) {}

    /** The run is over (whatever the outcome); flush and close. */
    default void finished() {}

    RunListener NONE = new RunListener() {};

    /**
     * One finished step.
     *
     * @param step        its number
     * @param result      losses, learning rate, gradient norm
     * @param examples    examples in its batch
     * @param stepSeconds time of the update
     * @param waitSeconds time the trainer waited for this batch
     * @param batch       the batch's stream use
     */
    record StepReport(long step, StepResult result, int examples, double stepSeconds, double waitSeconds, BatchReady<?> batch) {}
}
