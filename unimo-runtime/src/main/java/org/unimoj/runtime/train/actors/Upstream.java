package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import org.unimoj.runtime.train.Slots;

/**
 * Where a consumer pulls slots from: a {@link DataLoader} directly, or an {@link AugmenterPool} in
 * front of one. The answer to a pull is one {@link Slots} message of at most {@code max} slots.
 */
@FunctionalInterface
public interface Upstream<R> {

    void pull(int max, ActorRef<Slots<R>> replyTo);

    static <R> Upstream<R> loader(ActorRef<DataLoader.Command<R>> loader) {
        return (max, replyTo) -> loader.tell(new DataLoader.Pull<>(max, replyTo));
    }

    static <I, O> Upstream<O> pool(ActorRef<AugmenterPool.Command<I, O>> pool) {
        return (max, replyTo) -> pool.tell(new AugmenterPool.Pull<>(max, replyTo));
    }
}
