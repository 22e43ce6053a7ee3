package org.unimoj.model.nn;

import java.nio.charset.StandardCharsets;

/** Derives independent 64-bit seeds from a base seed and labels (SplitMix64 finaliser). */
public final class SeedMixer {

    private SeedMixer() {}

    public static long mix(long seed, long label) {
        long z = seed + 0x9E3779B97F4A7C15L * (label + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long mix(long seed, String label) {
        long h = 1125899906842597L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return mix(seed, h);
    }
}
