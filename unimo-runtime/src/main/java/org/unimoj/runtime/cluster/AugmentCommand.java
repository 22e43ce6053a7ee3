package org.unimoj.runtime.cluster;

import akka.actor.typed.ActorRef;
import java.util.Set;

/** The messages of an {@link AugmentService}. */
public sealed interface AugmentCommand {

    /**
     * Read and augment {@code count} slots from {@code from} of shard {@code shard} of stream
     * {@code stream} (an index of {@link ClusterData#STREAMS}); the answer is a
     * {@link MemberCommand.Fetched}. Crosses the network ({@link AugmentMessageSerializer}).
     */
    record Fetch(int stream, int shard, long from, int count, ActorRef<MemberCommand> replyTo) implements AugmentCommand {}

    /** The trainers the receptionist knows (local): an augmenter member leaves once they are gone. */
    record Trainers(Set<ActorRef<MemberCommand>> refs) implements AugmentCommand {}
}
