package org.unimoj.runtime.train.actors;

import java.nio.file.Path;
import java.util.List;
import org.unimoj.runtime.train.TrainerStats;

/**
 * How a run ended.
 *
 * @param status         completed, stopped on request, diverged, or failed
 * @param message        one line for people
 * @param stats          what the trainer did (null if it never started)
 * @param lastCheckpoint the newest complete checkpoint (null when none was written)
 * @param evaluations    every evaluation result, periodic and final, in order
 * @param loaders        each loader's counts at the end
 * @param pools          each augmenter pool's counts at the end
 * @param wallSeconds    time from the coordinator's start to the end
 * @param cause          the failure, for {@link Status#FAILED}
 */
public record RunOutcome(Status status, String message, TrainerStats stats, Path lastCheckpoint, List<Evaluator.Evaluated> evaluations,
                         List<DataLoader.Counts> loaders, List<AugmenterPool.Counts> pools, double wallSeconds, Throwable cause) {

    public enum Status { COMPLETED, STOPPED, DIVERGED, FAILED }

    public RunOutcome {
        evaluations = List.copyOf(evaluations);
        loaders = List.copyOf(loaders);
        pools = List.copyOf(pools);
    }

    /** The final evaluations' results. */
    public List<Evaluator.Evaluated> finalEvaluations() {
        return evaluations.stream().filter(Evaluator.Evaluated::last).toList();
    }
}
