package org.unimoj.runtime.cluster;

import java.util.Set;
import akka.actor.typed.ActorRef;

/** The messages of a {@link TrainerMember}. Those marked {@link Remote} cross the network (binary, {@link MemberMessageSerializer}). */
public sealed interface MemberCommand {

    /** A message sent between members; bound to {@link MemberMessageSerializer} in cluster.conf. */
    sealed interface Remote extends MemberCommand {
        /** The ring (its id) the message belongs to. */
        long ring();
    }

    /**
     * One bucket of the all-reduce of step {@code step}: floats {@code [offset, offset + values.length)}
     * of the flat gradient, at ring phase {@code phase} (0..n-2 reduce-scatter, n-1..2n-3 all-gather).
     */
    record GradientChunk(long ring, long step, int phase, int offset, float[] values) implements Remote {}

    /** After a ring change: the sender's next step and data cursor, so the ring agrees where to go on. */
    record Sync(long ring, long nextStep, long cursor, String address) implements Remote {}

    /** The sender has applied the last step of the run. */
    record Finished(long ring, String address) implements Remote {}

    /** The trainers the receptionist knows (local). */
    record Trainers(Set<ActorRef<MemberCommand>> refs) implements MemberCommand {}

    /** A member left or was downed and removed (local, from the cluster's events). */
    record MemberRemoved(String address) implements MemberCommand {}

    /** Start the current step (local; sent to self so removals queued meanwhile are seen first). */
    record BeginStep(long ring, long step) implements MemberCommand {}
}
