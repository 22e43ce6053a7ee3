package org.unimoj.runtime.cluster;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.unimoj.model.pretrain.PretrainBatch;

/**
 * A trainer member. It waits until the receptionist lists {@code trainers} trainers, takes them
 * (sorted by address) as the ring, and runs steps: step s takes the next (ring size x batch)
 * examples of the data set from the shared cursor, member r the r-th slice; it computes its
 * gradient ({@link ReplicaTrainer}), all-reduces it round the ring ({@link RingAllReduce}) and
 * applies the update. When a ring member is removed (downed by the split-brain resolver, or
 * left), the step in flight is abandoned and the survivors exchange {@link MemberCommand.Sync}:
 * they go on from the smallest next step among them; a member that had already applied that step
 * (its all-gather completed before the loss) undoes it, so every example of an applied step is
 * counted once. The run ends when the data set is used up (or after {@code maxSteps}); then each
 * member writes its parameters, the leader (first address of the ring) writes the run summary
 * and a checkpoint (also every {@code checkpointEvery} steps), and every member leaves the
 * cluster once all of the ring have finished.
 */
public final class TrainerMember extends AbstractBehavior<MemberCommand> {

    public static final ServiceKey<MemberCommand> KEY = ServiceKey.create(MemberCommand.class, "unimo-trainer");

    /** What a member runs. */
    /** @param firstStep, firstCursor where the run starts (0, 0; or a checkpoint's steps and cursor) */
    public record Settings(int trainers, int batchPerMember, long maxSteps, int bucketFloats, long checkpointEvery, long firstStep,
                           long firstCursor) {}

    private enum Phase { WAITING, SYNCING, REDUCING, FINISHING }

    private final Settings settings;
    private final ReplicaTrainer trainer;
    private final SyntheticExamples data;
    private final RunRecords records;
    private final PrintWriter progress;
    private final CompletableFuture<String> outcome;
    private final String self;

    private Phase phase = Phase.WAITING;
    private List<String> ring = List.of();
    private long ringId;
    private final Set<Long> pastRings = new HashSet<>();
    private final Map<String, ActorRef<MemberCommand>> refs = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Map<String, MemberCommand.Sync> syncs = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final List<MemberCommand.Remote> pending = new ArrayList<>();
    private final List<RunRecords.AppliedStep> applied = new ArrayList<>();

    private long nextStep;
    private long cursor;
    private RingAllReduce reduce;
    private long[][] stepIds;
    private long reduceStarted;
    private double computeMs;
    private boolean complete;

    private TrainerMember(ActorContext<MemberCommand> ctx, Settings settings, ReplicaTrainer trainer, SyntheticExamples data,
                          RunRecords records, PrintWriter progress, CompletableFuture<String> outcome) {
        super(ctx);
        this.settings = settings;
        this.trainer = trainer;
        this.data = data;
        this.records = records;
        this.progress = progress;
        this.outcome = outcome;
        this.self = Cluster.get(ctx.getSystem()).selfMember().address().toString();
        this.nextStep = settings.firstStep();
        this.cursor = settings.firstCursor();
        ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
        ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
                l -> new MemberCommand.Trainers(l.getServiceInstances(KEY)));
        ctx.getSystem().receptionist().tell(Receptionist.subscribe(KEY, listings));
        ActorRef<ClusterEvent.MemberRemoved> removals = ctx.messageAdapter(ClusterEvent.MemberRemoved.class,
                e -> new MemberCommand.MemberRemoved(e.member().address().toString()));
        Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(removals, ClusterEvent.MemberRemoved.class));
    }

    /** The behaviour; {@code outcome} completes with the run's summary line (or the member's last state) when it is done. */
    public static Behavior<MemberCommand> create(Settings settings, ReplicaTrainer trainer, SyntheticExamples data, RunRecords records,
                                                 PrintWriter progress, CompletableFuture<String> outcome) {
        return Behaviors.setup(ctx -> new TrainerMember(ctx, settings, trainer, data, records, progress, outcome));
    }

    @Override
    public Receive<MemberCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(MemberCommand.Trainers.class, this::onTrainers)
                .onMessage(MemberCommand.MemberRemoved.class, this::onRemoved)
                .onMessage(MemberCommand.Sync.class, this::onSync)
                .onMessage(MemberCommand.GradientChunk.class, this::onChunk)
                .onMessage(MemberCommand.Finished.class, this::onFinished)
                .onMessage(MemberCommand.BeginStep.class, this::onBeginStep)
                .build();
    }

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
                progress.printf("cluster: %d trainers up, ring %s%n", live.size(), live);
                progress.flush();
                switchRing(live);
            }
        }
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
        progress.printf("cluster: member %s removed at step %d; ring now %d: %s%n", m.address(), nextStep, survivors.size(), survivors);
        progress.flush();
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
        syncs.clear();
        finished.clear();
        MemberCommand.Sync mine = new MemberCommand.Sync(ringId, nextStep, cursor, self);
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
        MemberCommand.Sync first = null;
        for (String a : ring) {
            MemberCommand.Sync s = syncs.get(a);
            if (first == null || s.nextStep() < first.nextStep()) {
                first = s;
            }
        }
        if (nextStep > first.nextStep()) {
            if (nextStep != first.nextStep() + 1) {
                throw new IllegalStateException("member at step " + nextStep + ", ring at " + first.nextStep() + ": more than one step apart");
            }
            trainer.rollback();
            RunRecords.AppliedStep undone = applied.remove(applied.size() - 1);
            records.rolledBack(undone.step());
            progress.printf("cluster: step %d was applied here but not by all; undone%n", undone.step());
            nextStep = first.nextStep();
        }
        cursor = first.cursor();
        getContext().getSelf().tell(new MemberCommand.BeginStep(ringId, nextStep));
    }

    private Behavior<MemberCommand> onBeginStep(MemberCommand.BeginStep b) {
        if (b.ring() != ringId || b.step() != nextStep || phase != Phase.SYNCING) {
            return this;
        }
        if (cursor >= data.size() || nextStep >= settings.maxSteps()) {
            finish();
            return this;
        }
        int n = ring.size();
        int rank = ring.indexOf(self);
        int count = (int) Math.min((long) n * settings.batchPerMember(), data.size() - cursor);
        stepIds = new long[n][];
        for (int r = 0; r < n; r++) {
            int from = (int) ((long) count * r / n);
            int to = (int) ((long) count * (r + 1) / n);
            stepIds[r] = new long[to - from];
            for (int i = from; i < to; i++) {
                stepIds[r][i - from] = cursor + i;
            }
        }
        long t0 = System.nanoTime();
        PretrainBatch part = stepIds[rank].length == 0 ? null : data.batch(stepIds[rank]);
        float[] local = trainer.localGradient(part, nextStep, rank * trainer.workers(), data.weights(count));
        computeMs = (System.nanoTime() - t0) / 1e6;
        String next = ring.get((rank + 1) % n);
        ActorRef<MemberCommand> successor = n == 1 ? null : ref(next);
        long id = ringId;
        long step = nextStep;
        reduce = new RingAllReduce(local, n, rank, settings.bucketFloats(),
                (ph, off, v) -> successor.tell(new MemberCommand.GradientChunk(id, step, ph, off, v)));
        phase = Phase.REDUCING;
        reduceStarted = System.nanoTime();
        reduce.start();
        replayPending();
        maybeApply();
        return this;
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
        int rank = ring.indexOf(self);
        records.consumed(nextStep, stepIds[rank]);
        records.timing(nextStep, ring.size(), computeMs, reduceMs, bytes, loss);
        applied.add(new RunRecords.AppliedStep(nextStep, ring, List.of(stepIds)));
        int count = 0;
        for (long[] ids : stepIds) {
            count += ids.length;
        }
        if (ring.get(0).equals(self)) {
            progress.printf(java.util.Locale.ROOT, "step %d | members %d | examples %d/%d | loss %.4f | compute %.1f ms | all-reduce %.1f ms | sent %,d B%n",
                    nextStep + 1, ring.size(), cursor + count, data.size(), loss, computeMs, reduceMs, bytes);
            progress.flush();
        }
        cursor += count;
        nextStep++;
        reduce = null;
        if (settings.checkpointEvery() > 0 && nextStep % settings.checkpointEvery() == 0 && ring.get(0).equals(self)) {
            checkpoint("step-" + nextStep);
        }
        phase = Phase.SYNCING; // all agree on the next step without a new exchange: the ring is unchanged
        getContext().getSelf().tell(new MemberCommand.BeginStep(ringId, nextStep));
    }

    /** The leader's checkpoint of the ring's state after {@code nextStep} steps (every replica holds the same). */
    private void checkpoint(String name) {
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("cluster_steps", Long.toString(nextStep));
        meta.put("cluster_cursor", Long.toString(cursor));
        meta.put("cluster_ring", String.join(",", ring));
        trainer.writeCheckpoint(records.checkpoint(name), meta);
        progress.printf("cluster: checkpoint %s (%d steps, %d examples) by %s%n", records.checkpoint(name), nextStep, cursor, self);
        progress.flush();
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
            line = records.summary(applied, data.size(), settings.firstStep(), settings.firstCursor());
            progress.println("cluster: " + line);
            progress.flush();
        }
        outcome.complete(line);
    }

    /** Keeps a message of a ring or step this member has not reached; drops those of rings it has left. */
    private void keep(MemberCommand.Remote m) {
        if (pastRings.contains(m.ring())) {
            return;
        }
        if (m instanceof MemberCommand.GradientChunk c && c.ring() == ringId && c.step() < nextStep) {
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
            // handled in arrival order; a chunk for a later step goes back to pending
            if (m instanceof MemberCommand.Sync s) {
                onSync(s);
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
