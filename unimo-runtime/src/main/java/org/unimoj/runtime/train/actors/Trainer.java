package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.unimoj.runtime.train.BatchReady;
import org.unimoj.runtime.train.DataPosition;
import org.unimoj.runtime.train.RunListener;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.Snapshot;
import org.unimoj.runtime.train.StepResult;
import org.unimoj.runtime.train.TrainerStats;
import org.unimoj.runtime.train.TrainingStep;

/**
 * Runs the {@link TrainingStep} on batches it pulls from the batcher, one at a time and in step
 * order. On each batch it first pulls the next (so the batcher prepares it during the step), then
 * trains. Every {@code checkpointEvery} steps, at the last step and when asked to stop it takes a
 * snapshot and asks the coordinator for a checkpoint; every {@code evaluateEvery} steps it asks for
 * an evaluation. A non-finite loss ends training at once: no checkpoint of that state is made, so
 * the last checkpoint is the last good one. The time between asking for a batch and getting it is
 * the trainer's wait for data.
 */
public final class Trainer<B, S extends Snapshot> extends AbstractBehavior<Trainer.Command<B>> {

    /** The trainer's messages. */
    public sealed interface Command<B> permits Start, Arrived, Stop {}

    /** From the coordinator: start pulling and training. */
    public record Start<B>() implements Command<B> {}

    /** From the batcher: the next batch. */
    public record Arrived<B>(BatchReady<B> batch) implements Command<B> {}

    /** From the coordinator: stop after the current step, checkpoint, report. */
    public record Stop<B>(String reason) implements Command<B> {}

    /**
     * @param lastStep        the step to stop after
     * @param checkpointEvery steps between checkpoints (0: only at the end)
     * @param evaluateEvery   steps between periodic evaluations (0: none)
     */
    public record Schedule(long lastStep, long checkpointEvery, long evaluateEvery) {}

    private final TrainingStep<B, S> training;
    private final Consumer<ActorRef<BatchReady<B>>> pull;
    private final ActorRef<RunCoordinator.Command> coordinator;
    private final RunListener listener;
    private final Schedule schedule;
    private final RunState resumed;
    private final ActorRef<BatchReady<B>> fromBatcher;
    private final long firstStep;
    private final Map<String, BatchReady.StreamUse> streams = new LinkedHashMap<>();
    private long done;
    private long checkpointed;
    private DataPosition position;
    private long examples;
    private long trainNanos;
    private long waitNanos;
    private long firstWaitNanos = -1;
    private long waitStart;
    private boolean stopping;

    private Trainer(ActorContext<Command<B>> context, TrainingStep<B, S> training, Consumer<ActorRef<BatchReady<B>>> pull,
                    ActorRef<RunCoordinator.Command> coordinator, RunListener listener, Schedule schedule, RunState resumed) {
        super(context);
        this.training = training;
        this.pull = pull;
        this.coordinator = coordinator;
        this.listener = listener;
        this.schedule = schedule;
        this.resumed = resumed;
        this.done = resumed.step();
        this.checkpointed = resumed.step();
        this.firstStep = resumed.step() + 1;
        this.position = resumed.position();
        this.fromBatcher = context.messageAdapter(castBatch(), Arrived::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<BatchReady<T>> castBatch() {
        return (Class<BatchReady<T>>) (Class<?>) BatchReady.class;
    }

    /**
     * A trainer continuing from {@code resumed} (step 0 and the start position for a new run).
     *
     * @param pull asks the batcher for the next batch, to be sent to the given reference
     */
    public static <B, S extends Snapshot> Behavior<Command<B>> create(TrainingStep<B, S> training, Consumer<ActorRef<BatchReady<B>>> pull,
                                                                      ActorRef<RunCoordinator.Command> coordinator, RunListener listener,
                                                                      Schedule schedule, RunState resumed) {
        return Behaviors.setup(ctx -> new Trainer<>(ctx, training, pull, coordinator, listener, schedule, resumed));
    }

    @Override
    public Receive<Command<B>> createReceive() {
        return newReceiveBuilder()
                .onMessage(Messages.<Start<B>>type(Start.class), m -> onStart())
                .onMessage(Messages.<Arrived<B>>type(Arrived.class), this::onArrived)
                .onMessage(Messages.<Stop<B>>type(Stop.class), this::onStop)
                .onSignal(PostStop.class, s -> {
                    training.close();
                    return this;
                })
                .build();
    }

    private Behavior<Command<B>> onStart() {
        listener.started(firstStep, schedule.lastStep());
        if (done >= schedule.lastStep()) {
            coordinator.tell(new RunCoordinator.TrainingEnded(stats(), null, false, null));
            return this;
        }
        askForBatch();
        return this;
    }

    private void askForBatch() {
        waitStart = System.nanoTime();
        pull.accept(fromBatcher);
    }

    private Behavior<Command<B>> onArrived(Arrived<B> m) {
        if (stopping) {
            return this; // a batch pulled before the stop; never trained, so never counted
        }
        long waited = System.nanoTime() - waitStart;
        waitNanos += waited;
        if (firstWaitNanos < 0) {
            firstWaitNanos = waited;
        }
        BatchReady<B> b = m.batch();
        if (b.step() != done + 1) {
            throw new IllegalStateException("batch for step " + b.step() + " arrived after step " + done);
        }
        boolean last = b.step() >= schedule.lastStep();
        if (!last) {
            pull.accept(fromBatcher); // the batcher prepares the next batch while this one trains
        }
        long t0 = System.nanoTime();
        StepResult r = training.train(b.batch(), b.step());
        long took = System.nanoTime() - t0;
        trainNanos += took;
        if (!r.finite()) {
            coordinator.tell(new RunCoordinator.Diverged(b.step(), r, checkpointed));
            stopping = true;
            return this;
        }
        done = b.step();
        position = b.position();
        examples += b.examples();
        for (Map.Entry<String, BatchReady.StreamUse> e : b.use().entrySet()) {
            BatchReady.StreamUse u = e.getValue();
            streams.merge(e.getKey(), u, (a, c) -> new BatchReady.StreamUse(a.from(), c.to(), a.records() + c.records(), a.gaps() + c.gaps()));
        }
        listener.step(new RunListener.StepReport(done, r, b.examples(), took / 1e9, waited / 1e9, b));
        S snapshot = null;
        if (last || (schedule.checkpointEvery() > 0 && done % schedule.checkpointEvery() == 0)) {
            snapshot = training.snapshot(done);
            checkpoint(snapshot);
        }
        if (!last && schedule.evaluateEvery() > 0 && done % schedule.evaluateEvery() == 0) {
            if (snapshot == null) {
                snapshot = training.snapshot(done);
            }
            coordinator.tell(new RunCoordinator.EvaluationRequest(snapshot, false));
        }
        if (last) {
            stopping = true;
            coordinator.tell(new RunCoordinator.TrainingEnded(stats(), snapshot, false, null));
            return this;
        }
        waitStart = System.nanoTime();
        return this;
    }

    private void checkpoint(S snapshot) {
        checkpointed = done;
        coordinator.tell(new RunCoordinator.CheckpointRequest(snapshot, state()));
    }

    private RunState state() {
        return new RunState(done, resumed.seed(), position, resumed.fingerprint(), resumed.examples() + examples,
                resumed.trainSeconds() + trainNanos / 1e9, resumed.waitSeconds() + waitNanos / 1e9);
    }

    private Behavior<Command<B>> onStop(Stop<B> m) {
        if (stopping) {
            return this;
        }
        stopping = true;
        S snapshot = null;
        if (done > checkpointed) {
            snapshot = training.snapshot(done);
            checkpoint(snapshot);
        }
        coordinator.tell(new RunCoordinator.TrainingEnded(stats(), snapshot, true, m.reason()));
        return this;
    }

    private TrainerStats stats() {
        return new TrainerStats(firstStep, done, examples, trainNanos / 1e9, waitNanos / 1e9, Math.max(0, firstWaitNanos) / 1e9, streams);
    }
}
