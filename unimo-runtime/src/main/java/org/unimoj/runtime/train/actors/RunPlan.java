package org.unimoj.runtime.train.actors;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.unimoj.data.io.Quarantine;
import org.unimoj.runtime.train.BatchAssembler;
import org.unimoj.runtime.train.Evaluation;
import org.unimoj.runtime.train.RunListener;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.SlotSource;
import org.unimoj.runtime.train.SlotTransform;
import org.unimoj.runtime.train.Snapshot;
import org.unimoj.runtime.train.TrainingStep;

/**
 * Everything a {@link RunCoordinator} wires into a running pipeline.
 *
 * @param streams         the data streams, each a loader and (optionally) an augmenter pool
 * @param assembler       mixes the streams into batches
 * @param training        the training step
 * @param periodic        evaluations run every {@code schedule.evaluateEvery()} steps
 * @param last            evaluations run on the last snapshot
 * @param schedule        last step, checkpoint and evaluation intervals
 * @param start           where the run starts (step 0 and the start position, or a checkpoint's state)
 * @param checkpoints     the checkpoints directory
 * @param keepCheckpoints how many checkpoints to keep
 * @param quarantine      where quarantined records go
 * @param listener        progress bar, metrics log, charts
 * @param batcher         the batcher's settings
 * @param dispatchers     the dispatchers of the actors
 */
public record RunPlan<R, B, S extends Snapshot>(List<StreamPlan<?, R>> streams, BatchAssembler<R, B> assembler, TrainingStep<B, S> training,
                                                List<Evaluation<S>> periodic, List<Evaluation<S>> last, Trainer.Schedule schedule, RunState start,
                                                Path checkpoints, int keepCheckpoints, Quarantine quarantine, RunListener listener,
                                                Batcher.Settings batcher, Dispatchers dispatchers) {

    public RunPlan {
        streams = List.copyOf(streams);
        periodic = List.copyOf(periodic);
        last = List.copyOf(last);
        Objects.requireNonNull(assembler, "assembler");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(listener, "listener");
    }

    /**
     * One data stream.
     *
     * @param source     its slots
     * @param transforms makes an augmenter's transform, or null to feed the batcher from the loader directly
     *                   (the records must then already be of type {@code R})
     * @param pool       the augmenter pool's settings (ignored without transforms)
     * @param chunk      slots a loader reads per pull at most
     */
    public record StreamPlan<I, R>(SlotSource<I> source, Supplier<SlotTransform<I, R>> transforms, AugmenterPool.Settings pool, int chunk) {
        public StreamPlan {
            Objects.requireNonNull(source, "source");
        }
    }

    /** Dispatcher config paths: the trainer, the data actors (loaders, pools, batcher), the evaluator, the checkpointer. */
    public record Dispatchers(String trainer, String data, String evaluator, String checkpointer) {}
}
