package org.unimoj.model.nn;

import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The randomness of one training step (dropout masks), derived from a run seed and the step
 * number only: the i-th draw of step {@code s} always sees the same stream, so a resumed run
 * reproduces its losses. Not thread-safe; one instance per step.
 */
public final class StepRandom {

    private static final ThreadLocal<Random> RNG = ThreadLocal.withInitial(() -> Nd4j.getRandomFactory().getNewRandomInstance(0));

    private final long stepSeed;
    private long draws;

    private StepRandom(long stepSeed) {
        this.stepSeed = stepSeed;
    }

    /** The stream of step {@code step} of a run seeded with {@code seed}. */
    public static StepRandom forStep(long seed, long step) {
        return new StepRandom(SeedMixer.mix(seed, step));
    }

    /** The ND4J generator positioned at the start of the next draw of this step. */
    public Random next() {
        Random r = RNG.get();
        r.setSeed(SeedMixer.mix(stepSeed, draws++));
        return r;
    }
}
