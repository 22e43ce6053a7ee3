package org.unimoj.data.world;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the world's seed, one per purpose and item, so that
 * every image, caption set and question set comes out the same whatever the thread count.
 */
public final class Seeds {

    private Seeds() {}

    /** A generator for item {@code index} of stream {@code stream}. */
    public static SplittableRandom rng(long seed, String stream, long index) {
        long h = seed;
        for (int i = 0; i < stream.length(); i++) {
            h = mix(h ^ stream.charAt(i));
        }
        return new SplittableRandom(mix(h ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
