package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.MailboxSelector;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.unimoj.data.io.Quarantine;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotTransform;
import org.unimoj.runtime.train.Slots;

/**
 * A pool of {@link Augmenter}s in front of one stream. It pulls slots from upstream while it holds
 * fewer than {@code capacity} (waiting, in work, or done and not yet delivered), hands records to
 * the least busy augmenter (at most {@code perAugmenter} each), puts results back in slot order, and
 * answers a downstream {@link Pull} with the next consecutive slots. Gaps pass through; a record an
 * augmenter crashed on becomes a gap. So its buffers, and its augmenters' mailboxes, are bounded.
 *
 * <p>Each augmenter runs under a restarting supervisor with a limit ({@code maxRestarts} within
 * {@code window}); past it the augmenter stops, and the pool fails the run with the last cause.
 */
public final class AugmenterPool<I, O> extends AbstractBehavior<AugmenterPool.Command<I, O>> {

    /** The pool's messages. */
    public sealed interface Command<I, O> permits Pull, Arrived, Done, Failed, CountQuery {}

    /** From downstream: send me up to {@code max} next slots. */
    public record Pull<I, O>(int max, ActorRef<Slots<O>> replyTo) implements Command<I, O> {}

    /** From upstream: slots to augment. */
    public record Arrived<I, O>(Slots<I> slots) implements Command<I, O> {}

    /** From an augmenter: slot {@code index} done. */
    public record Done<I, O>(int augmenter, long index, O value) implements Command<I, O> {}

    /** From an augmenter about to restart: slot {@code index} crashed it (already in the quarantine file). */
    public record Failed<I, O>(int augmenter, long index, String reason) implements Command<I, O> {}

    /** How many slots came in, went out, crashed an augmenter, and are held now. */
    public record CountQuery<I, O>(ActorRef<Counts> replyTo) implements Command<I, O> {}

    /**
     * A pool's counts.
     *
     * @param received  slots from upstream
     * @param delivered slots sent downstream
     * @param crashed   records an augmenter crashed on (each restarted it)
     * @param held      slots held now (waiting, in work, or done and not delivered)
     */
    public record Counts(String stream, long received, long delivered, long crashed, long held) {}

    /**
     * How a pool is set up.
     *
     * @param augmenters   augmenter actors
     * @param perAugmenter records in an augmenter's mailbox at most
     * @param capacity     slots the pool holds at most
     * @param chunk        slots asked from upstream at a time at most
     * @param maxRestarts  restarts of one augmenter allowed within {@code window}
     * @param window       the window of the restart limit
     * @param dispatcher   the dispatcher config path of the augmenters
     */
    public record Settings(int augmenters, int perAugmenter, int capacity, int chunk, int maxRestarts, Duration window, String dispatcher) {
        public Settings {
            if (augmenters < 1 || perAugmenter < 1 || capacity < 1 || chunk < 1 || maxRestarts < 0) {
                throw new IllegalArgumentException("bad augmenter pool settings: " + augmenters + " augmenters, " + perAugmenter + " per augmenter, capacity "
                        + capacity + ", chunk " + chunk + ", max restarts " + maxRestarts);
            }
        }
    }

    private final String stream;
    private final Upstream<I> upstream;
    private final Settings settings;
    private final List<ActorRef<Augmenter.Command<I, O>>> augmenters = new ArrayList<>();
    private final int[] busy;
    private final ActorRef<Slots<I>> fromUpstream;
    private final Deque<Slot.Filled<I>> waiting = new ArrayDeque<>();
    private final TreeMap<Long, Slot<O>> done = new TreeMap<>();
    private long nextOut;
    private int inWork;
    private boolean upstreamAsked;
    private Pull<I, O> downstream;
    private long received;
    private long delivered;
    private long crashed;

    private AugmenterPool(ActorContext<Command<I, O>> context, String stream, String source, long from, long seed, Upstream<I> upstream,
                          Supplier<SlotTransform<I, O>> transforms, Quarantine quarantine, Settings settings) {
        super(context);
        this.stream = stream;
        this.upstream = upstream;
        this.settings = settings;
        this.nextOut = from;
        this.busy = new int[settings.augmenters()];
        SupervisorStrategy strategy = SupervisorStrategy.restart().withLimit(settings.maxRestarts(), settings.window());
        for (int i = 0; i < settings.augmenters(); i++) {
            ActorRef<Augmenter.Command<I, O>> a = context.spawn(
                    Augmenter.create(i, stream, source, seed, transforms, quarantine, strategy), "augmenter-" + i,
                    MailboxSelector.bounded(settings.perAugmenter() + 1).withDispatcherFromConfig(settings.dispatcher()));
            context.watch(a);
            augmenters.add(a);
        }
        this.fromUpstream = context.messageAdapter(castSlots(), Arrived::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<Slots<T>> castSlots() {
        return (Class<Slots<T>>) (Class<?>) Slots.class;
    }

    /**
     * A pool for stream {@code stream} whose first slot is {@code from}.
     *
     * @param source     where the stream's records come from (for quarantine entries)
     * @param transforms makes one augmenter's transform
     */
    public static <I, O> Behavior<Command<I, O>> create(String stream, String source, long from, long seed, Upstream<I> upstream,
                                                        Supplier<SlotTransform<I, O>> transforms, Quarantine quarantine, Settings settings) {
        return Behaviors.setup(ctx -> {
            AugmenterPool<I, O> p = new AugmenterPool<>(ctx, stream, source, from, seed, upstream, transforms, quarantine, settings);
            p.askUpstream();
            return p;
        });
    }

    @Override
    public Receive<Command<I, O>> createReceive() {
        return newReceiveBuilder()
                .onMessage(Messages.<Arrived<I, O>>type(Arrived.class), this::onArrived)
                .onMessage(Messages.<Done<I, O>>type(Done.class), this::onDone)
                .onMessage(Messages.<Failed<I, O>>type(Failed.class), this::onFailed)
                .onMessage(Messages.<Pull<I, O>>type(Pull.class), this::onPull)
                .onMessage(Messages.<CountQuery<I, O>>type(CountQuery.class), this::onCountQuery)
                .onSignal(ChildFailed.class, this::onAugmenterStopped)
                .build();
    }

    private Behavior<Command<I, O>> onCountQuery(CountQuery<I, O> m) {
        m.replyTo().tell(new Counts(stream, received, delivered, crashed, held()));
        return this;
    }

    private Behavior<Command<I, O>> onAugmenterStopped(ChildFailed s) {
        throw new IllegalStateException("stream " + stream + ": an augmenter failed more than " + settings.maxRestarts() + " times within "
                + settings.window().toSeconds() + " s and was stopped; last failure: " + s.cause().getMessage(), s.cause());
    }

    private int held() {
        return waiting.size() + inWork + done.size();
    }

    private Behavior<Command<I, O>> onArrived(Arrived<I, O> m) {
        upstreamAsked = false;
        for (Slot<I> s : m.slots().slots()) {
            received++;
            if (s instanceof Slot.Filled<I> f) {
                waiting.add(f);
            } else {
                done.put(s.index(), new Slot.Empty<>(s.index(), ((Slot.Empty<I>) s).reason()));
            }
        }
        dispatch();
        deliver();
        askUpstream();
        return this;
    }

    private Behavior<Command<I, O>> onDone(Done<I, O> m) {
        busy[m.augmenter()]--;
        inWork--;
        done.put(m.index(), new Slot.Filled<>(m.index(), m.value()));
        return progress();
    }

    private Behavior<Command<I, O>> onFailed(Failed<I, O> m) {
        busy[m.augmenter()]--;
        inWork--;
        crashed++;
        done.put(m.index(), new Slot.Empty<>(m.index(), "an augmenter crashed on it: " + m.reason()));
        return progress();
    }

    private Behavior<Command<I, O>> onPull(Pull<I, O> m) {
        if (downstream != null) {
            throw new IllegalStateException("stream " + stream + ": a second pull before the first was answered");
        }
        downstream = m;
        return progress();
    }

    private Behavior<Command<I, O>> progress() {
        dispatch();
        deliver();
        askUpstream();
        return this;
    }

    private void dispatch() {
        while (!waiting.isEmpty()) {
            int best = -1;
            for (int i = 0; i < busy.length; i++) {
                if (busy[i] < settings.perAugmenter() && (best < 0 || busy[i] < busy[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                return;
            }
            busy[best]++;
            inWork++;
            augmenters.get(best).tell(new Augmenter.Work<>(waiting.poll(), getContext().getSelf()));
        }
    }

    private void deliver() {
        if (downstream == null || done.isEmpty() || done.firstKey() != nextOut) {
            return;
        }
        List<Slot<O>> out = new ArrayList<>();
        while (out.size() < downstream.max() && !done.isEmpty() && done.firstKey() == nextOut) {
            out.add(done.pollFirstEntry().getValue());
            nextOut++;
        }
        delivered += out.size();
        downstream.replyTo().tell(new Slots<>(stream, out));
        downstream = null;
    }

    private void askUpstream() {
        int room = settings.capacity() - held();
        if (!upstreamAsked && room > 0) {
            upstreamAsked = true;
            upstream.pull(Math.min(room, settings.chunk()), fromUpstream);
        }
    }
}
