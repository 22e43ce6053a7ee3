package org.unimoj.data.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.RegionFeatures;

/**
 * Reads a feature file larger than the heap could hold (about 450 MB) in a child JVM limited to
 * 256 MB: streaming keeps one record in memory, whatever the file size.
 */
class HeapBoundReadTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileLargerThanItsHeapInAChildJvmWith256Mb() throws Exception {
        Path file = dir.resolve("big.tsv");
        int records = 4000;
        Random r = new Random(5);
        RegionFeatures[] pool = new RegionFeatures[8];
        byte[][] tails = new byte[pool.length][];
        double[] sums = new double[pool.length];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = FeatureFixtures.random(r, "x", 10, 2048, 65);
            byte[] line = FeatureTsvWriter.encode(pool[i]);
            tails[i] = java.util.Arrays.copyOfRange(line, 1, line.length);
            for (float x : pool[i].features()) {
                sums[i] += x;
            }
        }
        double expected = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int k = 0; k < records; k++) {
                out.write(String.valueOf(100000 + k).getBytes(StandardCharsets.US_ASCII));
                out.write(tails[k % pool.length]);
                expected += sums[k % pool.length];
            }
        }
        try {
            long size = Files.size(file);
            assertTrue(size > 400_000_000L && size < 600_000_000L, "file of " + size + " bytes");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), HeapBoundReader.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child finished");
            assertEquals(0, p.exitValue(), output);
            String[] f = output.split(" ");
            assertEquals(records, Long.parseLong(f[0]), output);
            assertEquals(expected, Double.parseDouble(f[1]), Math.abs(expected) * 1e-9 + 1e-3, "every value decoded");
            long peak = Long.parseLong(f[2]), max = Long.parseLong(f[3]);
            assertTrue(max <= 256L << 20, "child heap bounded: " + max);
            assertTrue(peak <= 256L << 20 && size > 1.5 * max, "file " + size + " bytes read with a peak heap of " + peak + " bytes");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
