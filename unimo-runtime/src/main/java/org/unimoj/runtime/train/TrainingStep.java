package org.unimoj.runtime.train;

/**
 * One training update on one batch: forward, backward, optimizer. The trainer actor calls it on its
 * own thread, once per batch, in step order. Given the same parameters, optimizer state, batch and
 * step number it must give the same result (dropout and every other random draw from
 * {@code (seed, step)}): that is what makes a resumed run repeat an unbroken one.
 *
 * @param <B> the batch type
 * @param <S> the snapshot type (what evaluations and checkpoints read)
 */
public interface TrainingStep<B, S extends Snapshot> extends AutoCloseable {

    /** Trains on {@code batch} as update number {@code step} (1-based). */
    StepResult train(B batch, long step);

    /**
     * An immutable copy of everything a checkpoint or an evaluation needs (parameters, optimizer
     * state), taken between steps, so they can work while training goes on.
     */
    S snapshot(long step);

    @Override
    void close();
}
