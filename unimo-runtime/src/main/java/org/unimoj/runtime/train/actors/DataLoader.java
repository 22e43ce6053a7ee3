package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.ArrayList;
import java.util.List;
import org.unimoj.runtime.train.Slot;
import org.unimoj.runtime.train.SlotSource;
import org.unimoj.runtime.train.Slots;

/**
 * Reads one data stream: opens its {@link SlotSource} at the run's position and answers each
 * {@link Pull} with the next slots, at most as many as asked. It reads only when pulled, so it never
 * runs ahead of its consumer by more than one chunk. Reading (files, parsing, feature lookups) runs on
 * the actor's thread, which the run puts on the data dispatcher.
 */
public final class DataLoader<R> extends AbstractBehavior<DataLoader.Command<R>> {

    /** The loader's messages. */
    public sealed interface Command<R> permits Pull, CountQuery {}

    /** Send me up to {@code max} next slots. */
    public record Pull<R>(int max, ActorRef<Slots<R>> replyTo) implements Command<R> {
        public Pull {
            if (max < 1) {
                throw new IllegalArgumentException("pull at least one slot, got " + max);
            }
        }
    }

    /** How many slots have been read, and of those how many were gaps. */
    public record CountQuery<R>(ActorRef<Counts> replyTo) implements Command<R> {}

    /** A loader's counts: slots read since it started and the gaps among them. */
    public record Counts(String stream, long slots, long gaps) {}

    private final SlotSource<R> source;
    private final SlotSource.Cursor<R> cursor;
    private long slots;
    private long gaps;

    private DataLoader(ActorContext<Command<R>> context, SlotSource<R> source, long from) {
        super(context);
        this.source = source;
        this.cursor = source.open(from);
    }

    /** A loader reading {@code source} from slot {@code from}. */
    public static <R> Behavior<Command<R>> create(SlotSource<R> source, long from) {
        return Behaviors.setup(ctx -> new DataLoader<>(ctx, source, from));
    }

    @Override
    public Receive<Command<R>> createReceive() {
        return newReceiveBuilder()
                .onMessage(Messages.<Pull<R>>type(Pull.class), this::onPull)
                .onMessage(Messages.<CountQuery<R>>type(CountQuery.class), this::onCountQuery)
                .onSignal(PostStop.class, s -> {
                    cursor.close();
                    return this;
                })
                .build();
    }

    private Behavior<Command<R>> onCountQuery(CountQuery<R> q) {
        q.replyTo().tell(new Counts(source.name(), slots, gaps));
        return this;
    }

    private Behavior<Command<R>> onPull(Pull<R> pull) {
        List<Slot<R>> out = new ArrayList<>(pull.max());
        for (int i = 0; i < pull.max(); i++) {
            Slot<R> s = cursor.next();
            slots++;
            if (s instanceof Slot.Empty) {
                gaps++;
            }
            out.add(s);
        }
        pull.replyTo().tell(new Slots<>(source.name(), out));
        return this;
    }
}
