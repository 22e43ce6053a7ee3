package org.unimoj.runtime.cluster;

import akka.actor.typed.ActorRef;
import java.util.List;
import java.util.Set;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.train.Slot;

/**
 * The messages of a {@link TrainerMember}. Those marked {@link Remote} cross the network between
 * trainers (binary, {@link MemberMessageSerializer}); {@link Fetched} comes from an augmenter,
 * local or remote ({@link AugmentMessageSerializer}).
 */
public sealed interface MemberCommand {

    /** A message sent between trainers; bound to {@link MemberMessageSerializer} in cluster.conf. */
    sealed interface Remote extends MemberCommand {
        /** The ring (its id) the message belongs to. */
        long ring();
    }

    /**
     * One bucket of the all-reduce of step {@code step}: floats {@code [offset, offset + values.length)}
     * of the flat gradient, at ring phase {@code phase} (0..n-2 reduce-scatter, n-1..2n-3 all-gather).
     */
    record GradientChunk(long ring, long step, int phase, int offset, float[] values) implements Remote {}

    /** After a ring change: the sender's next step, so the ring agrees where to go on. */
    record Sync(long ring, long nextStep, String address) implements Remote {}

    /**
     * The sender's part of step {@code step}, before any gradient is computed: each objective's
     * target count in its part (every member needs the whole batch's to weigh its gradient) and
     * the slots it read ({@link ShardTable#flatten}), which every member applies to its table.
     */
    record Part(long ring, long step, String address, double[] weights, long[] ranges) implements Remote {}

    /** The sender has applied the last step of the run. */
    record Finished(long ring, String address) implements Remote {}

    /**
     * An augmenter's answer to {@link AugmentCommand.Fetch}: slots {@code from..} of shard
     * {@code shard} of stream {@code stream} as examples (or gaps), and the shard's slot count if
     * the read reached its end (else -1).
     */
    record Fetched(int stream, int shard, long from, List<Slot<PretrainExample>> slots, long end) implements MemberCommand {}

    /** The trainers the receptionist knows (local). */
    record Trainers(Set<ActorRef<MemberCommand>> refs) implements MemberCommand {}

    /** The augmenter members the receptionist knows (local). */
    record Augmenters(int count) implements MemberCommand {}

    /** A member left or was downed and removed (local, from the cluster's events). */
    record MemberRemoved(String address) implements MemberCommand {}

    /** Start the current step (local; sent to self so removals queued meanwhile are seen first). */
    record BeginStep(long ring, long step) implements MemberCommand {}

    /** Look for augmenter requests that went unanswered (local, a timer). */
    record Tick() implements MemberCommand {}
}
