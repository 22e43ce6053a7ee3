package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PreRestart;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.unimoj.data.io.Quarantine;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotTransform;

/**
 * One augmenter of a pool: applies its {@link SlotTransform} to one record at a time and answers
 * {@link AugmenterPool.Done}. When the transform throws, the actor fails and its supervisor
 * restarts it (a fresh transform); before the restart it writes the record and the exception to the
 * quarantine file and answers {@link AugmenterPool.Failed}, so the pool fills the record's slot with a
 * gap and the run goes on. Work queued in its mailbox survives the restart.
 */
public final class Augmenter<I, O> extends AbstractBehavior<Augmenter.Command<I, O>> {

    /** The augmenter's messages. */
    public sealed interface Command<I, O> permits Work {}

    /** Transform the record of {@code slot}; answer the pool. */
    public record Work<I, O>(Slot.Filled<I> slot, ActorRef<AugmenterPool.Command<I, O>> replyTo) implements Command<I, O> {}

    /** What the supervisor sees when a transform throws. */
    static final class TransformFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransformFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final int id;
    private final String stream;
    private final String source;
    private final long seed;
    private final SlotTransform<I, O> transform;
    private final Quarantine quarantine;
    private Work<I, O> inFlight;
    private String failure;

    private Augmenter(ActorContext<Command<I, O>> context, int id, String stream, String source, long seed, SlotTransform<I, O> transform,
                      Quarantine quarantine) {
        super(context);
        this.id = id;
        this.stream = stream;
        this.source = source;
        this.seed = seed;
        this.transform = transform;
        this.quarantine = quarantine;
    }

    /**
     * An augmenter under a restarting supervisor.
     *
     * @param transforms makes the transform (again after every restart)
     * @param strategy   the supervisor's restart strategy (with its limit)
     */
    public static <I, O> Behavior<Command<I, O>> create(int id, String stream, String source, long seed, Supplier<SlotTransform<I, O>> transforms,
                                                        Quarantine quarantine, SupervisorStrategy strategy) {
        Behavior<Command<I, O>> b = Behaviors.setup(ctx -> new Augmenter<>(ctx, id, stream, source, seed, transforms.get(), quarantine));
        return Behaviors.supervise(b).onFailure(TransformFailed.class, strategy);
    }

    /** The generator of slot {@code index} of {@code stream}: the same whichever augmenter runs it. */
    public static SplittableRandom randomFor(long seed, String stream, long index) {
        return new SplittableRandom(SeedMixer.mix(SeedMixer.mix(seed, "augment:" + stream), index));
    }

    @Override
    public Receive<Command<I, O>> createReceive() {
        return newReceiveBuilder()
                .onMessage(Messages.<Work<I, O>>type(Work.class), this::onWork)
                .onSignal(PreRestart.class, s -> onPreRestart())
                .build();
    }

    private Behavior<Command<I, O>> onWork(Work<I, O> w) {
        inFlight = w;
        long index = w.slot().index();
        O out;
        try {
            out = transform.apply(w.slot().value(), index, randomFor(seed, stream, index));
        } catch (Exception | StackOverflowError e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new TransformFailed("augmenter " + id + " of stream " + stream + " failed on slot " + index + ": " + failure, e);
        }
        if (out == null) {
            failure = "the transform returned null";
            throw new TransformFailed("augmenter " + id + " of stream " + stream + " returned null for slot " + index, null);
        }
        inFlight = null;
        w.replyTo().tell(new AugmenterPool.Done<>(id, index, out));
        return this;
    }

    private Behavior<Command<I, O>> onPreRestart() {
        if (inFlight != null) {
            long index = inFlight.slot().index();
            String record;
            try {
                record = transform.describe(inFlight.slot().value());
            } catch (RuntimeException e) {
                record = "(slot " + index + "; cannot describe the record: " + e + ")";
            }
            quarantine.add(Path.of(source), 0, "augment", failure + " (stream " + stream + ", slot " + index + ", augmenter " + id + ")", record);
            inFlight.replyTo().tell(new AugmenterPool.Failed<>(id, index, failure));
            inFlight = null;
        }
        return this;
    }
}
