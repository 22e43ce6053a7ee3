package org.unimoj.runtime.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * Reads and augments slots of any shard for any trainer ({@link AugmentCommand.Fetch}): the
 * rewriting and retrieval of the pairs stream, the tokenizing of texts, the cutting of images.
 * Every trainer has a local one; an augmenter member ({@code --role augmenter}) registers one with
 * the receptionist, and trainers route their pairs there (a cluster-aware group router, hashing
 * each shard to one augmenter so its reader reads on sequentially). Slot {@code i} gives the same
 * example on any augmenter. Answers are cut into messages of about a megabyte. A registered one completes {@code done} when the trainers it has seen
 * are all gone.
 */
final class AugmentService extends AbstractBehavior<AugmentCommand> {

    static final ServiceKey<AugmentCommand> KEY = ServiceKey.create(AugmentCommand.class, "unimo-augmenter");

    private final ClusterData data;
    private final long chunkBytes;
    private final Map<Long, ShardReader<?>> readers = new HashMap<>();
    private final CompletableFuture<String> done;
    private long served;
    private boolean sawTrainers;

    private AugmentService(ActorContext<AugmentCommand> ctx, ClusterData data, long chunkBytes, CompletableFuture<String> done) {
        super(ctx);
        this.data = data;
        this.chunkBytes = chunkBytes;
        this.done = done;
        if (done != null) {
            ctx.getSystem().receptionist().tell(Receptionist.register(KEY, ctx.getSelf()));
            ActorRef<Receptionist.Listing> listings = ctx.messageAdapter(Receptionist.Listing.class,
                    l -> new AugmentCommand.Trainers(l.getServiceInstances(TrainerMember.KEY)));
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(TrainerMember.KEY, listings));
        }
    }

    /** A trainer's own augmenter. */
    static Behavior<AugmentCommand> local(ClusterData data) {
        return local(data, CHUNK_BYTES);
    }

    /** A trainer's own augmenter whose answers are cut at {@code chunkBytes}. */
    static Behavior<AugmentCommand> local(ClusterData data, long chunkBytes) {
        return Behaviors.setup(ctx -> new AugmentService(ctx, data, chunkBytes, null));
    }

    /** An augmenter member's: registered with the receptionist; completes {@code done} once the trainers are gone. */
    static Behavior<AugmentCommand> registered(ClusterData data, CompletableFuture<String> done) {
        return Behaviors.setup(ctx -> new AugmentService(ctx, data, CHUNK_BYTES, done));
    }

    @Override
    public Receive<AugmentCommand> createReceive() {
        return newReceiveBuilder()
                .onMessage(AugmentCommand.Fetch.class, this::onFetch)
                .onMessage(AugmentCommand.Trainers.class, this::onTrainers)
                .onSignal(PostStop.class, s -> {
                    readers.values().forEach(ShardReader::close);
                    return this;
                })
                .build();
    }

    private Behavior<AugmentCommand> onFetch(AugmentCommand.Fetch f) {
        if (f.stream() < 0 || f.stream() >= ClusterData.STREAMS.size() || f.shard() < 0 || f.shard() >= data.shards() || f.count() < 1) {
            getContext().getLog().warn("augmenter: ignoring a bad request: stream {} shard {} of {}, {} slots", f.stream(), f.shard(),
                    data.shards(), f.count());
            return this;
        }
        ShardReader<?> reader = readers.computeIfAbsent((long) f.stream() * data.shards() + f.shard(), k -> data.reader(f.stream(), f.shard()));
        ShardReader.Read read = reader.read(f.from(), f.count());
        served += read.slots().size();
        // answers of about a megabyte at most, so they fit Artery's frames whatever the feature size
        List<Slot<PretrainExample>> chunk = new ArrayList<>();
        long bytes = 0;
        long from = f.from();
        for (Slot<PretrainExample> s : read.slots()) {
            long b = approxBytes(s);
            if (!chunk.isEmpty() && bytes + b > chunkBytes) {
                f.replyTo().tell(new MemberCommand.Fetched(f.stream(), f.shard(), from, List.copyOf(chunk), -1));
                from += chunk.size();
                chunk.clear();
                bytes = 0;
            }
            chunk.add(s);
            bytes += b;
        }
        f.replyTo().tell(new MemberCommand.Fetched(f.stream(), f.shard(), from, List.copyOf(chunk), read.end()));
        return this;
    }

    /** Bytes of an answer past which the rest goes in another message. */
    static final long CHUNK_BYTES = 1 << 20;

    /** About the size of a slot on the wire (its arrays). */
    static long approxBytes(Slot<PretrainExample> s) {
        if (!(s instanceof Slot.Filled<PretrainExample> f)) {
            return 64;
        }
        if (f.value() instanceof PretrainExample.Text t) {
            return 64 + 4L * t.ids().length;
        }
        if (f.value() instanceof PretrainExample.Image i) {
            return 64 + bytes(i.image());
        }
        PretrainExample.Pair p = (PretrainExample.Pair) f.value();
        long b = 64 + bytes(p.image()) + 4L * p.ids().length;
        for (List<int[]> texts : List.of(p.positives(), p.negatives(), p.relatedTexts())) {
            for (int[] t : texts) {
                b += 4 + 4L * t.length;
            }
        }
        for (RegionFeatures r : p.relatedImages()) {
            b += bytes(r);
        }
        return b;
    }

    private static long bytes(RegionFeatures r) {
        return 64 + 4L * (r.boxes().length + r.features().length + r.classProbs().length);
    }

    private Behavior<AugmentCommand> onTrainers(AugmentCommand.Trainers t) {
        if (!t.refs().isEmpty()) {
            sawTrainers = true;
        } else if (sawTrainers && done != null) {
            done.complete("augmenter: served " + served + " slots; the trainers are gone");
        }
        return this;
    }

    @Override
    public String toString() {
        return "augmenter (" + served + " slots served)";
    }
}
