package org.unimoj.runtime.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ChildFailed;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.Routers;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.unimoj.model.pretrain.Objective;
import org.unimoj.model.pretrain.PretrainBatch;

/**
 * A trainer member. It waits until the receptionist lists {@code trainers} trainers and takes them
 * (sorted by address) as the ring. Each stream is cut into that many shards (the readers' shard i
 * of n); ring member r reads shard r, through its augmenter (its own, or augmenter members via a
 * cluster-aware router), prefetching ahead. A step: every member takes its part of the batch from
 * its shards (the pipeline's batch composition), tells the ring its part's target counts and the
 * slots it read ({@link MemberCommand.Part}), computes the gradient of its part weighted by the
 * whole batch's counts ({@link ReplicaTrainer}), all-reduces it round the ring
 * ({@link RingAllReduce}) and applies the update; every member applies every part's slots to its
 * {@link ShardTable}, so all know where every shard stands.
 *
 * <p>When a ring member is removed (downed by the split-brain resolver, or left), the step in
 * flight is abandoned and the survivors exchange {@link MemberCommand.Sync}: they go on from the
 * smallest next step among them (a member that had applied that step undoes it, model and table),
 * and the lost member's shards pass to the survivors ({@link ShardTable#owned}) from where the
 * table says, so every slot of an applied step is counted once. The run ends at the step where
 * no member has any example left (every shard read through), or after {@code maxSteps}; then each
 * member writes its parameters, the leader (first address of the ring) writes the run summary and
 * a checkpoint (also every {@code checkpointEvery} steps), and every member leaves the cluster
 * once all of the ring have finished.
 */
public final class TrainerMember extends AbstractBehavior<MemberCommand> {

    public static final ServiceKey<MemberCommand> KEY = ServiceKey.create(MemberCommand.class, "unimo-trainer");

    /**
     * What a member runs.
     *
     * @param firstStep  where the run starts (0, or a checkpoint's steps)
     * @param firstTable the shards' positions there
     * @param fetchTimeout how long an augmenter may take to answer before the slots are read locally
     * @param interactive  the leader redraws one progress line (a terminal) rather than printing a line per step
     */
    public record Settings(int trainers, long maxSteps, int bucketFloats, long checkpointEvery, long firstStep, ShardTable firstTable,
                           Duration fetchTimeout, boolean interactive) {}

    private enum Phase { WAITING, SYNCING, FEEDING, PLANNING, REDUCING, FINISHING }

    private final Settings settings;
    private final ReplicaTrainer trainer;
    private final ClusterData data;
    private final RunRecords records;
    private final PrintWriter progress;
    private final CompletableFuture<String> outcome;
    private final String self;
    private final ActorRef<AugmentCommand> localAugmenter;
    private final ActorRef<AugmentCommand> augmenters;
    private int remoteAugmenters;

    private Phase phase = Phase.WAITING;
    private List<String> ring = List.of();
    private long ringId;
    private final Set<Long> pastRings = new HashSet<>();
    private final Map<String, ActorRef<MemberCommand>> refs = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Map<String, MemberCommand.Sync> syncs = new HashMap<>();
    private final Map<String, MemberCommand.Part> parts = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final List<MemberCommand.Remote> pending = new ArrayList<>();
    private final List<RunRecords.AppliedStep> applied = new ArrayList<>();

    private final SlotBuffer buffer = new SlotBuffer();

    private ShardTable table;
    private ShardTable beforeLastStep;
    private long nextStep;
    private long examplesSoFar;
    private PretrainBatch myBatch;
    private RingAllReduce reduce;
    private long reduceStarted;
    private double computeMs;
    private boolean complete;
    private boolean barDrawn;

    private TrainerMember(ActorContext<MemberCommand> ctx, Settings settings, ReplicaTrainer trainer, ClusterData data, RunRecords records,
                          PrintWriter progress, CompletableFuture<String> outcome) {
        super(ctx);
        this.settings = settings;
        this.trainer = trainer;
        this.data = data;
        this.records = records;
        this.progress = progress;
        this.outcome = outcome;
        this.self = Cluster.get(ctx.getSystem()).selfMember().address().toString();
        this.nextStep = settings.firstStep();
        this.table = settings.firstTable().copy();
        this.localAugmenter = ctx.spawn(AugmentService.local(data), "augmenter", akka.actor.typed.DispatcherSelector.fromConfig("unimo-augment-dispatcher"));
        ctx.watch(localAugmenter);
        // each shard always goes to the same augmenter member, so its reader reads on rather than seeking
        this.augmenters = ctx.spawn(Routers.group(AugmentService.KEY).withConsistentHashingRouting(10, TrainerMember::shardKey), "augmenters");
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
        ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class, l -> l.isForKey(KEY)
                ? new MemberCommand.Trainers(l.getServiceInstances(KEY)) : new MemberCommand.Augmenters(l.getServiceInstances(AugmentService.KEY).size()));
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(KEY, listings));
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(AugmentService.KEY, listings));
        ActorRef<ClusterEvent.MemberRemoved> removals = ctx.messageAdapter(ClusterEvent.MemberRemoved.class,
                e -> new MemberCommand.MemberRemoved(e.member().address().toString()));
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(removals, ClusterEvent.MemberRemoved.class));
    }

    private static String shardKey(AugmentCommand c) {
        return c instanceof AugmentCommand.Fetch f ? f.stream() + "#" + f.shard() : c.toString();
    }

    /** The behaviour; {@code outcome} completes with the run's summary line (or the member's last state) when it is done. */
    public static Behavior<MemberCommand> create(Settings settings, ReplicaTrainer trainer, ClusterData data, RunRecords records,
                                                 PrintWriter progress, CompletableFuture<String> outcome) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(new MemberCommand.Tick(), Duration.ofMillis(500));
            return new TrainerMember(ctx, settings, trainer, data, records, progress, outcome);
        }));
    }

    @Override
    public Receive<MemberCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(MemberCommand.Trainers.class, this::onTrainers)
                .onMessage(MemberCommand.Augmenters.class, this::onAugmenters)
                .onMessage(MemberCommand.MemberRemoved.class, this::onRemoved)
                .onMessage(MemberCommand.Sync.class, this::onSync)
                .onMessage(MemberCommand.Part.class, this::onPart)
                .onMessage(MemberCommand.GradientChunk.class, this::onChunk)
                .onMessage(MemberCommand.Finished.class, this::onFinished)
                .onMessage(MemberCommand.BeginStep.class, this::onBeginStep)
                .onMessage(MemberCommand.Fetched.class, this::onFetched)
                .onMessage(MemberCommand.Tick.class, this::onTick)
                .onSignal(ChildFailed.class, this::onAugmenterFailed)
                .build();
    }

    /** The local augmenter failed on a record it may not skip (read policy fail): the run cannot go on. */
    private Behavior<MemberCommand> onAugmenterFailed(ChildFailed f) {
        say("cluster: the augmenter failed: " + f.getCause().getMessage());
        outcome.completeExceptionally(f.getCause());
        return Behaviors.stopped();
    }

    /** A line of the member's log; ends the leader's progress bar first if one is drawn. */
    private void say(String line) {
        if (barDrawn) {
            progress.println();
            barDrawn = false;
        }
        progress.println(line);
        progress.flush();
    }

    // ---- membership

    private Behavior<MemberCommand> onTrainers(MemberCommand.Trainers t) {
        for (ActorRef<MemberCommand> r : t.refs()) {
            Address a = r.path().address();
            refs.put(a.hasGlobalScope() ? a.toString() : self, r);
        }
        if (phase == Phase.WAITING) {
            List<String> live = new ArrayList<>(refs.keySet());
            live.removeAll(removed);
            if (live.size() >= settings.trainers()) {
                live.sort(ADDRESS_ORDER);
                say(String.format(Locale.ROOT, "cluster: %d trainers up, ring %s; %d shards per stream; %s", live.size(), live, data.shards(), data.describe()));
                switchRing(live);
            }
        }
        return this;
    }

    private Behavior<MemberCommand> onAugmenters(MemberCommand.Augmenters a) {
        if (a.count() != remoteAugmenters) {
            say(String.format(Locale.ROOT, "cluster: %d augmenter member(s); pairs are augmented %s", a.count(), a.count() > 0 ? "there" : "here"));
        }
        remoteAugmenters = a.count();
        return this;
    }

    private Behavior<MemberCommand> onRemoved(MemberCommand.MemberRemoved m) {
        removed.add(m.address());
        refs.remove(m.address());
        if (complete || !ring.contains(m.address())) {
            return this;
        }
        List<String> survivors = new ArrayList<>(ring);
        survivors.removeAll(removed);
        say(String.format(Locale.ROOT, "cluster: member %s removed at step %d; ring now %d: %s", m.address(), nextStep, survivors.size(), survivors));
        switchRing(survivors);
        return this;
    }

    /** Abandons any step in flight and asks the new ring where to go on. */
    private void switchRing(List<String> members) {
        if (!ring.isEmpty()) {
            pastRings.add(ringId);
        }
        ring = List.copyOf(members);
        ringId = ringId(ring);
        phase = Phase.SYNCING;
        reduce = null;
        myBatch = null;
        syncs.clear();
        parts.clear();
        finished.clear();
        MemberCommand.Sync mine = new MemberCommand.Sync(ringId, nextStep, self);
        for (String a : ring) {
            if (!a.equals(self)) {
                ref(a).tell(mine);
            }
        }
        syncs.put(self, mine);
        replayPending();
        maybeAgree();
    }

    private Behavior<MemberCommand> onSync(MemberCommand.Sync s) {
        if (s.ring() != ringId || phase == Phase.WAITING) {
            keep(s);
            return this;
        }
        syncs.put(s.address(), s);
        maybeAgree();
        return this;
    }

    private void maybeAgree() {
        if (phase != Phase.SYNCING || !syncs.keySet().containsAll(ring)) {
            return;
        }
        long first = Long.MAX_VALUE;
        for (String a : ring) {
            first = Math.min(first, syncs.get(a).nextStep());
        }
        if (nextStep > first) {
            if (nextStep != first + 1) {
                throw new IllegalStateException("member at step " + nextStep + ", ring at " + first + ": more than one step apart");
            }
            trainer.rollback();
            table = beforeLastStep;
            RunRecords.AppliedStep undone = applied.remove(applied.size() - 1);
            examplesSoFar -= undone.examples();
            records.rolledBack(undone.step());
            say("cluster: step " + (undone.step() + 1) + " was applied here but not by all; undone");
            nextStep = first;
        }
        getContext().getSelf().tell(new MemberCommand.BeginStep(ringId, nextStep));
    }

    // ---- a step: take a part, tell the ring, compute, all-reduce, apply

    private Behavior<MemberCommand> onBeginStep(MemberCommand.BeginStep b) {
        if (b.ring() != ringId || b.step() != nextStep || phase != Phase.SYNCING) {
            return this;
        }
        if (nextStep >= settings.maxSteps()) {
            finish();
            return this;
        }
        phase = Phase.FEEDING;
        prefetch();
        tryTake();
        return this;
    }

    /** Takes this member's part once every slot it needs is here; tells the ring. */
    private void tryTake() {
        if (phase != Phase.FEEDING) {
            return;
        }
        int rank = ring.indexOf(self);
        SlotBuffer.Part part = buffer.take(table, table.owned(rank, ring.size()), data::demand);
        if (part == null) {
            return; // a slot is not here yet: the next Fetched calls again
        }
        myBatch = data.assemble(nextStep, rank, part.examples());
        Map<Objective, Double> w = ClusterData.weights(myBatch);
        double[] weights = new double[Objective.values().length];
        for (Objective o : Objective.values()) {
            weights[o.ordinal()] = w.get(o);
        }
        MemberCommand.Part mine = new MemberCommand.Part(ringId, nextStep, self, weights, ShardTable.flatten(part.ranges()));
        for (String a : ring) {
            if (!a.equals(self)) {
                ref(a).tell(mine);
            }
        }
        parts.clear();
        parts.put(self, mine);
        phase = Phase.PLANNING;
        replayPending();
        maybeCompute();
    }

    private Behavior<MemberCommand> onPart(MemberCommand.Part p) {
        if (phase == Phase.PLANNING && p.ring() == ringId && p.step() == nextStep) {
            parts.put(p.address(), p);
            maybeCompute();
        } else {
            keep(p);
        }
        return this;
    }

    private void maybeCompute() {
        if (phase != Phase.PLANNING || !parts.keySet().containsAll(ring)) {
            return;
        }
        Map<Objective, Double> total = new EnumMap<>(Objective.class);
        long examples = 0;
        for (String a : ring) {
            MemberCommand.Part p = parts.get(a);
            for (Objective o : Objective.values()) {
                total.merge(o, p.weights()[o.ordinal()], Double::sum);
            }
            for (ShardTable.Range r : ShardTable.ranges(p.ranges())) {
                examples += r.filled();
            }
        }
        if (examples == 0) {
            // every shard is read through: record the ends the last parts found, then stop
            for (String a : ring) {
                table.apply(ShardTable.ranges(parts.get(a).ranges()));
            }
            finish();
            return;
        }
        int n = ring.size();
        int rank = ring.indexOf(self);
        long t0 = System.nanoTime();
        float[] local = trainer.localGradient(myBatch, nextStep, rank * trainer.workers(), total);
        computeMs = (System.nanoTime() - t0) / 1e6;
        ActorRef<MemberCommand> successor = n == 1 ? null : ref(ring.get((rank + 1) % n));
        long id = ringId;
        long step = nextStep;
        reduce = new RingAllReduce(local, n, rank, settings.bucketFloats(),
                (ph, off, v) -> successor.tell(new MemberCommand.GradientChunk(id, step, ph, off, v)));
        phase = Phase.REDUCING;
        reduceStarted = System.nanoTime();
        reduce.start();
        replayPending();
        maybeApply();
    }

    private Behavior<MemberCommand> onChunk(MemberCommand.GradientChunk c) {
        if (phase == Phase.REDUCING && c.ring() == ringId && c.step() == nextStep) {
            reduce.receive(c.phase(), c.offset(), c.values());
            maybeApply();
        } else {
            keep(c);
        }
        return this;
    }

    private void maybeApply() {
        if (phase != Phase.REDUCING || !reduce.done()) {
            return;
        }
        double reduceMs = (System.nanoTime() - reduceStarted) / 1e6;
        long bytes = reduce.floatsSent() * 4 + (long) reduce.messagesSent() * MemberMessageSerializer.CHUNK_HEADER;
        double loss = trainer.apply(reduce.data());
        beforeLastStep = table.copy();
        List<List<ShardTable.Range>> stepRanges = new ArrayList<>();
        long examples = 0;
        for (String a : ring) {
            List<ShardTable.Range> r = ShardTable.ranges(parts.get(a).ranges());
            table.apply(r);
            stepRanges.add(r);
            for (ShardTable.Range x : r) {
                examples += x.filled();
            }
        }
        records.consumed(nextStep, stepRanges.get(ring.indexOf(self)));
        records.timing(nextStep, ring.size(), computeMs, reduceMs, bytes, loss);
        applied.add(new RunRecords.AppliedStep(nextStep, ring, stepRanges, examples));
        examplesSoFar += examples;
        buffer.dropBefore(beforeLastStep); // the last step's slots stay for a rollback
        if (ring.get(0).equals(self)) {
            String line = String.format(Locale.ROOT, "step %d/%d | members %d | examples %d (+%d) | loss %.4f | compute %.1f ms | all-reduce %.1f ms | sent %,d B",
                    nextStep + 1, settings.maxSteps(), ring.size(), examplesSoFar, examples, loss, computeMs, reduceMs, bytes);
            if (settings.interactive()) {
                progress.print("\r" + line + "   ");
                progress.flush();
                barDrawn = true;
            } else {
                say(line);
            }
        }
        nextStep++;
        reduce = null;
        myBatch = null;
        if (settings.checkpointEvery() > 0 && nextStep % settings.checkpointEvery() == 0 && ring.get(0).equals(self)) {
            checkpoint("step-" + nextStep);
        }
        phase = Phase.SYNCING; // all agree on the next step without a new exchange: the ring is unchanged
        getContext().getSelf().tell(new MemberCommand.BeginStep(ringId, nextStep));
    }

    // ---- data: prefetch from the augmenters

    /** Keeps a few parts' worth of slots requested ahead in every shard this member reads. */
    private void prefetch() {
        if (ring.isEmpty() || complete) {
            return;
        }
        for (SlotBuffer.Request r : buffer.wanted(table, table.owned(ring.indexOf(self), ring.size()), data::demand)) {
            // only the pairs are worth sending away: texts and images are tokenized and cut here
            fetch(r, r.stream() != 0 || remoteAugmenters == 0);
        }
    }

    private void fetch(SlotBuffer.Request r, boolean local) {
        (local ? localAugmenter : augmenters).tell(new AugmentCommand.Fetch(r.stream(), r.shard(), r.from(), r.count(), getContext().getSelf()));
        buffer.sent(r, local, System.nanoTime());
    }

    private Behavior<MemberCommand> onFetched(MemberCommand.Fetched f) {
        buffer.received(f, table);
        prefetch();
        tryTake();
        return this;
    }

    /** A request an augmenter member left unanswered (it may be gone) is read here instead. */
    private Behavior<MemberCommand> onTick(MemberCommand.Tick t) {
        for (SlotBuffer.Request r : buffer.overdue(System.nanoTime(), settings.fetchTimeout())) {
            say(String.format(Locale.ROOT, "cluster: no answer from the augmenters for %s shard %d slot %d in %d ms; reading it here",
                    ClusterData.STREAMS.get(r.stream()), r.shard(), r.from(), settings.fetchTimeout().toMillis()));
            fetch(r, true);
        }
        prefetch();
        return this;
    }

    // ---- the end

    /** The leader's checkpoint of the ring's state after {@code nextStep} steps (every replica holds the same). */
    private void checkpoint(String name) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("cluster_steps", Long.toString(nextStep));
        meta.put("cluster_shards", Integer.toString(table.shards()));
        meta.put("cluster_table", table.encode());
        meta.put("cluster_ring", String.join(",", ring));
        trainer.writeCheckpoint(records.checkpoint(name), meta);
        say(String.format(Locale.ROOT, "cluster: checkpoint %s (%d steps, %d examples) by %s", records.checkpoint(name), nextStep, examplesSoFar, self));
    }

    private void finish() {
        phase = Phase.FINISHING;
        records.parameters(trainer.parameters());
        if (ring.get(0).equals(self)) {
            checkpoint("final");
        }
        MemberCommand.Finished mine = new MemberCommand.Finished(ringId, self);
        for (String a : ring) {
            if (!a.equals(self)) {
                ref(a).tell(mine);
            }
        }
        finished.add(self);
        replayPending();
        maybeComplete();
    }

    private Behavior<MemberCommand> onFinished(MemberCommand.Finished f) {
        if (f.ring() != ringId || phase != Phase.FINISHING) {
            keep(f);
            return this;
        }
        finished.add(f.address());
        maybeComplete();
        return this;
    }

    private void maybeComplete() {
        if (complete || !finished.containsAll(ring)) {
            return;
        }
        complete = true;
        String line = "member " + self + ": " + applied.size() + " steps applied";
        if (ring.get(0).equals(self)) {
            line = records.summary(applied, table, settings.firstStep(), settings.firstTable(), s -> data.demand(s) > 0);
        }
        if (barDrawn) {
            progress.println();
            barDrawn = false;
        }
        outcome.complete(line);
    }

    // ---- messages ahead of this member

    /** Keeps a message of a ring or step this member has not reached; drops those of rings it has left and of past steps. */
    private void keep(MemberCommand.Remote m) {
        if (pastRings.contains(m.ring())) {
            return;
        }
        if (m instanceof MemberCommand.GradientChunk c && c.ring() == ringId && c.step() < nextStep) {
            return;
        }
        if (m instanceof MemberCommand.Part p && p.ring() == ringId && p.step() < nextStep) {
            return;
        }
        pending.add(m);
    }

    private void replayPending() {
        List<MemberCommand.Remote> now = new ArrayList<>();
        for (Iterator<MemberCommand.Remote> it = pending.iterator(); it.hasNext(); ) {
            MemberCommand.Remote m = it.next();
            if (pastRings.contains(m.ring())) {
                it.remove();
            } else if (m.ring() == ringId) {
                now.add(m);
                it.remove();
            }
        }
        for (MemberCommand.Remote m : now) {
            // handled in arrival order; one for a later step goes back to pending
            if (m instanceof MemberCommand.Sync s) {
                onSync(s);
            } else if (m instanceof MemberCommand.Part p) {
                onPart(p);
            } else if (m instanceof MemberCommand.GradientChunk c) {
                onChunk(c);
            } else if (m instanceof MemberCommand.Finished f) {
                onFinished(f);
            }
        }
    }

    private ActorRef<MemberCommand> ref(String address) {
        ActorRef<MemberCommand> r = refs.get(address);
        if (r == null) {
            throw new IllegalStateException("no trainer known at " + address);
        }
        return r;
    }

    /** Ring order: host, then port (numerically). */
    static final Comparator<String> ADDRESS_ORDER = Comparator.comparing((String a) -> akka.actor.AddressFromURIString.parse(a).host().getOrElse(() -> ""))
            .thenComparingInt(a -> (Integer) akka.actor.AddressFromURIString.parse(a).port().getOrElse(() -> 0));

    static long ringId(List<String> members) {
        long h = 0xcbf29ce484222325L;
        for (String m : members) {
            for (byte b : (m + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return h;
    }
}
