package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.MailboxSelector;
import akka.actor.typed.Props;
import akka.actor.typed.Terminated;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.unimoj.runtime.train.BatchReady;
import org.unimoj.runtime.train.RunState;
import org.unimoj.runtime.train.Snapshot;
import org.unimoj.runtime.train.StepResult;
import org.unimoj.runtime.train.TrainerStats;

/**
 * The run's root actor: spawns and watches the pipeline (a {@link DataLoader} and an
 * {@link AugmenterPool} per stream, the {@link Batcher}, the {@link Trainer}, the {@link Evaluator},
 * the {@link Checkpointer}), forwards the trainer's checkpoint and evaluation requests, and completes
 * the run's {@link RunOutcome} when training has ended and every checkpoint and final evaluation is
 * done. A child that fails (an augmenter past its restart limit, a reader on a bad record under the
 * {@code fail} policy, an exception in a step) fails the run with that cause.
 */
public final class RunCoordinator extends AbstractBehavior<RunCoordinator.Command> {

    /** The coordinator's messages. */
    public sealed interface Command
            permits StopRequested, TrainingEnded, Diverged, CheckpointRequest, EvaluationRequest, SavedReply, EvaluatedReply, LoaderCountsReply,
                    PoolCountsReply, CountsTimeout {}

    /** From outside (SIGINT/SIGTERM): stop after the current step with a checkpoint. */
    public record StopRequested(String reason) implements Command {}

    /** From the trainer: training is over (last step reached, or stopped). */
    public record TrainingEnded(TrainerStats stats, Snapshot last, boolean stopped, String reason) implements Command {}

    /** From the trainer: step {@code step} gave a non-finite loss; the last checkpoint is from {@code lastGoodStep}. */
    public record Diverged(long step, StepResult result, long lastGoodStep) implements Command {}

    /** From the trainer: write this checkpoint. */
    public record CheckpointRequest(Snapshot snapshot, RunState state) implements Command {}

    /** From the trainer: evaluate this snapshot. */
    public record EvaluationRequest(Snapshot snapshot, boolean last) implements Command {}

    record SavedReply(Checkpointer.Saved saved) implements Command {}

    record EvaluatedReply(Evaluator.Evaluated evaluated) implements Command {}

    record LoaderCountsReply(DataLoader.Counts counts) implements Command {}

    record PoolCountsReply(AugmenterPool.Counts counts) implements Command {}

    record CountsTimeout() implements Command {}

    private final RunPlan<?, ?, ?> plan;
    private final CompletableFuture<RunOutcome> outcome;
    private final TimerScheduler<Command> timers;
    private final long started = System.nanoTime();
    private final ActorRef<Checkpointer.Command> checkpointer;
    private final ActorRef<Evaluator.Command> evaluator;
    private final ActorRef<?> trainer;
    private final Map<String, ActorRef<? extends DataLoader.Command<?>>> loaders = new LinkedHashMap<>();
    private final Map<String, ActorRef<? extends AugmenterPool.Command<?, ?>>> pools = new LinkedHashMap<>();
    private final ActorRef<Checkpointer.Saved> savedAdapter;
    private final ActorRef<Evaluator.Evaluated> evaluatedAdapter;
    private final List<Evaluator.Evaluated> evaluations = new ArrayList<>();
    private final List<DataLoader.Counts> loaderCounts = new ArrayList<>();
    private final List<AugmenterPool.Counts> poolCounts = new ArrayList<>();
    private int pendingSaves;
    private int pendingEvaluations;
    private int pendingPeriodic;
    private int pendingCounts;
    private Path lastCheckpoint;
    private TrainerStats stats;
    private RunOutcome.Status status;
    private String message;
    private boolean ended;
    private boolean finishing;

    private RunCoordinator(ActorContext<Command> context, TimerScheduler<Command> timers, RunPlan<?, ?, ?> plan, CompletableFuture<RunOutcome> outcome) {
        super(context);
        this.plan = plan;
        this.outcome = outcome;
        this.timers = timers;
        this.savedAdapter = context.messageAdapter(Checkpointer.Saved.class, SavedReply::new);
        this.evaluatedAdapter = context.messageAdapter(Evaluator.Evaluated.class, EvaluatedReply::new);
        RunPlan.Dispatchers d = plan.dispatchers();
        this.checkpointer = context.spawn(Checkpointer.create(plan.checkpoints(), plan.keepCheckpoints()), "checkpointer",
                DispatcherSelector.fromConfig(d.checkpointer()));
        context.watch(checkpointer);
        this.evaluator = context.spawn(evaluatorBehavior(plan), "evaluator", DispatcherSelector.fromConfig(d.evaluator()));
        context.watch(evaluator);
        this.trainer = wire(plan);
    }

    private static <S extends Snapshot> Behavior<Evaluator.Command> evaluatorBehavior(RunPlan<?, ?, S> plan) {
        return Evaluator.create(plan.periodic(), plan.last());
    }

    /**
     * The coordinator of {@code plan}; {@code outcome} completes when the run is over (it never
     * completes exceptionally: a failure is an outcome with status {@link RunOutcome.Status#FAILED}).
     */
    public static Behavior<Command> create(RunPlan<?, ?, ?> plan, CompletableFuture<RunOutcome> outcome) {
        return Behaviors.withTimers(timers -> Behaviors.setup(ctx -> new RunCoordinator(ctx, timers, plan, outcome)));
    }

    private <R, B, S extends Snapshot> ActorRef<Trainer.Command<B>> wire(RunPlan<R, B, S> p) {
        RunPlan.Dispatchers d = p.dispatchers();
        Map<String, Upstream<R>> upstreams = new LinkedHashMap<>();
        for (RunPlan.StreamPlan<?, R> s : p.streams()) {
            upstreams.put(s.source().name(), stream(s, p));
        }
        ActorRef<Batcher.Command<R, B>> batcher = getContext().spawn(
                Batcher.create(p.assembler(), upstreams, p.start().position(), p.start().step() + 1, p.batcher()), "batcher",
                mailbox(16, d.data()));
        getContext().watch(batcher);
        ActorRef<Trainer.Command<B>> t = getContext().spawn(
                Trainer.create(p.training(), (ActorRef<BatchReady<B>> replyTo) -> batcher.tell(new Batcher.Pull<>(replyTo)), getContext().getSelf(),
                        p.listener(), p.schedule(), p.start()),
                "trainer", mailbox(16, d.trainer()));
        getContext().watch(t);
        t.tell(new Trainer.Start<>());
        return t;
    }

    private <I, R> Upstream<R> stream(RunPlan.StreamPlan<I, R> s, RunPlan<R, ?, ?> p) {
        String name = s.source().name();
        long from = p.start().position().of(name);
        ActorRef<DataLoader.Command<I>> loader = getContext().spawn(DataLoader.create(s.source(), from), "loader-" + name,
                mailbox(8, p.dispatchers().data()));
        getContext().watch(loader);
        loaders.put(name, loader);
        if (s.transforms() == null) {
            @SuppressWarnings("unchecked")
            Upstream<R> direct = (Upstream<R>) (Upstream<?>) Upstream.loader(loader);
            return direct;
        }
        ActorRef<AugmenterPool.Command<I, R>> pool = getContext().spawn(
                AugmenterPool.create(name, s.source().description(), from, p.start().seed(), Upstream.loader(loader), s.transforms(), p.quarantine(),
                        s.pool()),
                "augmenters-" + name, mailbox(s.pool().augmenters() * (s.pool().perAugmenter() + 1) + 16, p.dispatchers().data()));
        getContext().watch(pool);
        pools.put(name, pool);
        return Upstream.pool(pool);
    }

    /** A bounded mailbox on a dispatcher: every message flow of the pipeline is bounded by credit, this bounds the mailbox as well. */
    private static Props mailbox(int capacity, String dispatcher) {
        return MailboxSelector.bounded(capacity).withDispatcherFromConfig(dispatcher);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(CheckpointRequest.class, this::onCheckpoint)
                .onMessage(EvaluationRequest.class, this::onEvaluation)
                .onMessage(SavedReply.class, this::onSaved)
                .onMessage(EvaluatedReply.class, this::onEvaluated)
                .onMessage(TrainingEnded.class, this::onEnded)
                .onMessage(Diverged.class, this::onDiverged)
                .onMessage(StopRequested.class, this::onStop)
                .onMessage(LoaderCountsReply.class, m -> {
                    loaderCounts.add(m.counts());
                    return countArrived();
                })
                .onMessage(PoolCountsReply.class, m -> {
                    poolCounts.add(m.counts());
                    return countArrived();
                })
                .onMessage(CountsTimeout.class, m -> complete())
                .onSignal(ChildFailed.class, this::onChildFailed)
                .onSignal(Terminated.class, s -> this)
                .build();
    }

    private Behavior<Command> onCheckpoint(CheckpointRequest m) {
        pendingSaves++;
        checkpointer.tell(new Checkpointer.Save(m.snapshot(), m.state(), savedAdapter));
        return this;
    }

    private Behavior<Command> onEvaluation(EvaluationRequest m) {
        int results = Evaluator.results(plan.periodic(), plan.last(), m.last());
        if (results == 0) {
            return this;
        }
        if (!m.last()) {
            if (pendingPeriodic > 0) {
                plan.listener().message("step " + m.snapshot().step() + ": evaluation skipped, the previous one is still running");
                return this;
            }
            pendingPeriodic += results;
        }
        pendingEvaluations += results;
        evaluator.tell(new Evaluator.Evaluate(m.snapshot(), m.last(), evaluatedAdapter));
        return this;
    }

    private Behavior<Command> onSaved(SavedReply m) {
        pendingSaves--;
        lastCheckpoint = m.saved().dir();
        plan.listener().checkpointed(m.saved().step(), m.saved().dir(), m.saved().seconds());
        return maybeFinish();
    }

    private Behavior<Command> onEvaluated(EvaluatedReply m) {
        Evaluator.Evaluated e = m.evaluated();
        pendingEvaluations--;
        if (!e.last()) {
            pendingPeriodic--;
        }
        evaluations.add(e);
        plan.listener().evaluated(e.step(), e.name(), e.result(), e.seconds(), e.last());
        return maybeFinish();
    }

    private Behavior<Command> onEnded(TrainingEnded m) {
        ended = true;
        stats = m.stats();
        if (m.stopped()) {
            status = RunOutcome.Status.STOPPED;
            message = "stopped after step " + m.stats().lastStep() + " (" + m.reason() + ")";
        } else {
            status = RunOutcome.Status.COMPLETED;
            message = "completed " + m.stats().lastStep() + " steps";
            if (m.last() != null) {
                onEvaluation(new EvaluationRequest(m.last(), true));
            }
        }
        return maybeFinish();
    }

    private Behavior<Command> onDiverged(Diverged m) {
        ended = true;
        status = RunOutcome.Status.DIVERGED;
        message = "step " + m.step() + " gave a non-finite loss " + m.result().losses() + " (gradient norm " + m.result().gradNorm()
                + "); stopped; the last good checkpoint is from step " + m.lastGoodStep();
        return maybeFinish();
    }

    private Behavior<Command> onStop(StopRequested m) {
        if (!ended) {
            trainer.unsafeUpcast().tell(new Trainer.Stop<>(m.reason()));
        }
        return this;
    }

    private Behavior<Command> onChildFailed(ChildFailed s) {
        Throwable cause = s.cause();
        String what = s.getRef().path().name();
        String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        outcome.complete(new RunOutcome(RunOutcome.Status.FAILED, what + ": " + msg, stats, lastCheckpoint, evaluations, loaderCounts, poolCounts,
                seconds(), cause));
        plan.listener().finished();
        return Behaviors.stopped();
    }

    private Behavior<Command> maybeFinish() {
        if (!ended || finishing || pendingSaves > 0 || pendingEvaluations > 0) {
            return this;
        }
        finishing = true;
        pendingCounts = loaders.size() + pools.size();
        if (pendingCounts == 0) {
            return complete();
        }
        ActorRef<DataLoader.Counts> la = getContext().messageAdapter(DataLoader.Counts.class, LoaderCountsReply::new);
        ActorRef<AugmenterPool.Counts> pa = getContext().messageAdapter(AugmenterPool.Counts.class, PoolCountsReply::new);
        for (ActorRef<? extends DataLoader.Command<?>> l : loaders.values()) {
            l.unsafeUpcast().tell(new DataLoader.CountQuery<>(la));
        }
        for (ActorRef<? extends AugmenterPool.Command<?, ?>> p : pools.values()) {
            p.unsafeUpcast().tell(new AugmenterPool.CountQuery<>(pa));
        }
        timers.startSingleTimer(new CountsTimeout(), Duration.ofSeconds(10));
        return this;
    }

    private Behavior<Command> countArrived() {
        return --pendingCounts == 0 ? complete() : this;
    }

    private Behavior<Command> complete() {
        timers.cancelAll();
        outcome.complete(new RunOutcome(status, message, stats, lastCheckpoint, evaluations, loaderCounts, poolCounts, seconds(), null));
        plan.listener().finished();
        return Behaviors.stopped();
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
