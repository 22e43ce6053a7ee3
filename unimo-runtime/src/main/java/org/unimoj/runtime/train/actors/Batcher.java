package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.runtime.train.BatchAssembler;
import org.unimoj.runtime.train.BatchReady;
import org.unimoj.runtime.train.DataPosition;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.Slots;

/**
 * Mixes the streams into batches: takes, for each step in order, {@link BatchAssembler#demand()}
 * records from each stream in slot order (skipping gaps, which it counts), has the assembler build
 * the batch, and keeps at most {@code prefetch} built batches ready. The trainer {@link Pull}s one
 * batch at a time; the batcher pulls records from each stream's upstream only while its buffer
 * holds less than {@code prefetch + 1} batches' worth. Everything between the loaders and the
 * trainer is therefore bounded, and demand flows from the trainer upward.
 */
public final class Batcher<R, B> extends AbstractBehavior<Batcher.Command<R, B>> {

    /** The batcher's messages. */
    public sealed interface Command<R, B> permits Pull, Arrived {}

    /** From the trainer: send me the next batch when it is ready. */
    public record Pull<R, B>(ActorRef<BatchReady<B>> replyTo) implements Command<R, B> {}

    /** From a stream's upstream: its next slots. */
    public record Arrived<R, B>(Slots<R> slots) implements Command<R, B> {}

    /**
     * @param prefetch       built batches kept ready at most
     * @param chunk          slots asked from a stream at a time at most
     * @param maxGapsInARow  a stream that yields this many quarantined slots in a row fails the run
     */
    public record Settings(int prefetch, int chunk, long maxGapsInARow) {
        public Settings {
            if (prefetch < 1 || chunk < 1 || maxGapsInARow < 1) {
                throw new IllegalArgumentException("bad batcher settings: prefetch " + prefetch + ", chunk " + chunk + ", max gaps " + maxGapsInARow);
            }
        }
    }

    private final BatchAssembler<R, B> assembler;
    private final Map<String, Upstream<R>> upstreams;
    private final Settings settings;
    private final Map<String, Integer> demand;
    private final Map<String, Deque<Slot<R>>> buffers = new LinkedHashMap<>();
    private final Map<String, Integer> filled = new LinkedHashMap<>();
    private final Map<String, Boolean> asked = new LinkedHashMap<>();
    private final Map<String, Long> gapsInARow = new LinkedHashMap<>();
    private final Deque<BatchReady<B>> ready = new ArrayDeque<>();
    private final ActorRef<Slots<R>> fromUpstream;
    private DataPosition position;
    private long nextStep;
    private ActorRef<BatchReady<B>> waiting;

    private Batcher(ActorContext<Command<R, B>> context, BatchAssembler<R, B> assembler, Map<String, Upstream<R>> upstreams, DataPosition from,
                    long firstStep, Settings settings) {
        super(context);
        this.assembler = assembler;
        this.upstreams = new LinkedHashMap<>(upstreams);
        this.settings = settings;
        this.demand = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : assembler.demand().entrySet()) {
            if (e.getValue() > 0) {
                if (!upstreams.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("the batch assembler wants stream '" + e.getKey() + "' but the run has none (streams: "
                            + upstreams.keySet() + ")");
                }
                demand.put(e.getKey(), e.getValue());
            }
        }
        if (demand.isEmpty()) {
            throw new IllegalArgumentException("the batch assembler takes no records from any stream");
        }
        for (String s : demand.keySet()) {
            buffers.put(s, new ArrayDeque<>());
            filled.put(s, 0);
            asked.put(s, false);
            gapsInARow.put(s, 0L);
        }
        this.position = from;
        this.nextStep = firstStep;
        this.fromUpstream = context.messageAdapter(castSlots(), Arrived::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<Slots<T>> castSlots() {
        return (Class<Slots<T>>) (Class<?>) Slots.class;
    }

    /**
     * A batcher whose first batch is for {@code firstStep} and whose streams stand at {@code from}.
     */
    public static <R, B> Behavior<Command<R, B>> create(BatchAssembler<R, B> assembler, Map<String, Upstream<R>> upstreams, DataPosition from,
                                                        long firstStep, Settings settings) {
        return Behaviors.setup(ctx -> {
            Batcher<R, B> b = new Batcher<>(ctx, assembler, upstreams, from, firstStep, settings);
            b.askUpstreams();
            return b;
        });
    }

    @Override
    public Receive<Command<R, B>> createReceive() {
        return newReceiveBuilder()
                .onMessage(Messages.<Pull<R, B>>type(Pull.class), this::onPull)
                .onMessage(Messages.<Arrived<R, B>>type(Arrived.class), this::onArrived)
                .build();
    }

    private Behavior<Command<R, B>> onPull(Pull<R, B> m) {
        if (waiting != null) {
            throw new IllegalStateException("the trainer pulled twice before a batch was ready");
        }
        waiting = m.replyTo();
        send();
        assemble();
        askUpstreams();
        return this;
    }

    private Behavior<Command<R, B>> onArrived(Arrived<R, B> m) {
        String stream = m.slots().stream();
        Deque<Slot<R>> buf = buffers.get(stream);
        if (buf == null) {
            throw new IllegalStateException("slots of unknown stream '" + stream + "'");
        }
        asked.put(stream, false);
        long expected = buf.isEmpty() ? position.of(stream) : buf.peekLast().index() + 1;
        for (Slot<R> s : m.slots().slots()) {
            if (s.index() != expected) {
                throw new IllegalStateException("stream " + stream + ": slot " + s.index() + " arrived where " + expected + " was due");
            }
            expected++;
            buf.add(s);
            if (s instanceof Slot.Filled) {
                filled.merge(stream, 1, Integer::sum);
                gapsInARow.put(stream, 0L);
            } else if (gapsInARow.merge(stream, 1L, Long::sum) >= settings.maxGapsInARow()) {
                throw new IllegalStateException("stream " + stream + ": " + settings.maxGapsInARow()
                        + " quarantined records in a row; the data is unusable (see the quarantine file)");
            }
        }
        assemble();
        send();
        askUpstreams();
        return this;
    }

    private void assemble() {
        while (ready.size() < settings.prefetch() && enoughForOneBatch()) {
            Map<String, List<R>> records = new LinkedHashMap<>();
            Map<String, BatchReady.StreamUse> use = new LinkedHashMap<>();
            DataPosition after = position;
            for (Map.Entry<String, Integer> d : demand.entrySet()) {
                String stream = d.getKey();
                Deque<Slot<R>> buf = buffers.get(stream);
                long from = position.of(stream);
                List<R> taken = new ArrayList<>(d.getValue());
                long gaps = 0;
                long next = from;
                while (taken.size() < d.getValue()) {
                    Slot<R> s = buf.poll();
                    next = s.index() + 1;
                    if (s instanceof Slot.Filled<R> f) {
                        taken.add(f.value());
                    } else {
                        gaps++;
                    }
                }
                filled.merge(stream, -taken.size(), Integer::sum);
                records.put(stream, taken);
                use.put(stream, new BatchReady.StreamUse(from, next, taken.size(), gaps));
                after = after.with(stream, next);
            }
            BatchAssembler.Assembled<B> a = assembler.assemble(nextStep, records);
            ready.add(new BatchReady<>(nextStep, a.batch(), a.examples(), after, use));
            position = after;
            nextStep++;
        }
    }

    private boolean enoughForOneBatch() {
        for (Map.Entry<String, Integer> d : demand.entrySet()) {
            if (filled.get(d.getKey()) < d.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void send() {
        if (waiting != null && !ready.isEmpty()) {
            waiting.tell(ready.poll());
            waiting = null;
        }
    }

    private void askUpstreams() {
        for (Map.Entry<String, Integer> d : demand.entrySet()) {
            String stream = d.getKey();
            long want = (long) d.getValue() * (settings.prefetch() + 1 - ready.size());
            int have = filled.get(stream);
            if (!asked.get(stream) && have < want) {
                asked.put(stream, true);
                upstreams.get(stream).pull((int) Math.min(settings.chunk(), Math.max(1, want - have)), fromUpstream);
            }
        }
    }
}
