package org.unimoj.runtime.train.actors;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.util.List;
import org.unimoj.runtime.train.Evaluation;
import org.unimoj.runtime.train.Snapshot;

/**
 * Runs held-out evaluations on snapshots while training goes on: the periodic ones during the run,
 * the final ones on the last snapshot. One evaluation at a time, on the evaluator's own thread.
 */
public final class Evaluator<S extends Snapshot> extends AbstractBehavior<Evaluator.Command> {

    /** The evaluator's messages. */
    public sealed interface Command permits Evaluate {}

    /** Evaluate {@code snapshot} with the periodic evaluations, or the final ones; answer one {@link Evaluated} each. */
    public record Evaluate(Snapshot snapshot, boolean last, ActorRef<Evaluated> replyTo) implements Command {}

    /** One evaluation's result. */
    public record Evaluated(long step, String name, Evaluation.Result result, double seconds, boolean last) {}

    private final List<Evaluation<S>> periodic;
    private final List<Evaluation<S>> last;

    private Evaluator(ActorContext<Command> context, List<Evaluation<S>> periodic, List<Evaluation<S>> last) {
        super(context);
        this.periodic = List.copyOf(periodic);
        this.last = List.copyOf(last);
    }

    public static <S extends Snapshot> Behavior<Command> create(List<Evaluation<S>> periodic, List<Evaluation<S>> last) {
        return Behaviors.setup(ctx -> new Evaluator<>(ctx, periodic, last));
    }

    /** How many results an {@link Evaluate} brings. */
    public static int results(List<?> periodic, List<?> last, boolean isLast) {
        return isLast ? last.size() : periodic.size();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Evaluate.class, this::onEvaluate).build();
    }

    @SuppressWarnings("unchecked")
    private Behavior<Command> onEvaluate(Evaluate m) {
        S snapshot = (S) m.snapshot();
        for (Evaluation<S> e : m.last() ? last : periodic) {
            long t0 = System.nanoTime();
            Evaluation.Result r = e.evaluate(snapshot);
            m.replyTo().tell(new Evaluated(snapshot.step(), e.name(), r, (System.nanoTime() - t0) / 1e9, m.last()));
        }
        return this;
    }
}
