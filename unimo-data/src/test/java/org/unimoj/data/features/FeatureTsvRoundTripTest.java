package org.unimoj.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.Shard;

class FeatureTsvRoundTripTest {

    @TempDir
    Path dir;

    private List<RegionFeatures> writeRandom(Path file, int n, int dim, int classes) {
        Random r = new Random(7);
        List<RegionFeatures> all = new ArrayList<>();
        try (FeatureTsvWriter w = FeatureTsvWriter.create(file)) {
            for (int i = 0; i < n; i++) {
                RegionFeatures f = FeatureFixtures.random(r, String.valueOf(1000 + i), 1 + r.nextInt(12), dim, classes);
                all.add(f);
                w.write(f);
            }
        }
        return all;
    }

    private static void assertSame(RegionFeatures a, RegionFeatures b) {
        assertEquals(a.imageId(), b.imageId());
        assertEquals(a.imageWidth(), b.imageWidth());
        assertEquals(a.imageHeight(), b.imageHeight());
        assertEquals(a.numBoxes(), b.numBoxes());
        assertEquals(a.featureDim(), b.featureDim());
        assertEquals(a.numClasses(), b.numClasses());
        assertArrayEquals(a.boxes(), b.boxes());
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.classProbs(), b.classProbs());
    }

    @Test
    void readsBackWhatWasWritten() {
        Path f = dir.resolve("f.tsv");
        List<RegionFeatures> written = writeRandom(f, 50, 37, 11);
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            List<RegionFeatures> read = r.readAll();
            assertEquals(written.size(), read.size());
            for (int i = 0; i < read.size(); i++) {
                assertSame(written.get(i), read.get(i));
            }
            assertEquals(50, r.counts().accepted());
            assertEquals(37, r.featureDim());
            assertTrue(r.counts().notes().isEmpty(), r.counts().toString());
        }
    }

    @Test
    void readsTheSixColumnLayoutWithoutClassProbabilities() {
        Path f = dir.resolve("six.tsv");
        List<RegionFeatures> written = writeRandom(f, 5, 8, 0);
        try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast())) {
            List<RegionFeatures> read = r.readAll();
            assertEquals(5, read.size());
            assertFalse(read.get(0).hasClassProbs());
            assertSame(written.get(3), read.get(3));
        }
    }

    @Test
    void decoderAgreesWithTheJdkOnEveryPaddingCase() throws RecordProblem {
        Random r = new Random(3);
        Base64Floats dec = new Base64Floats();
        for (int n = 0; n < 40; n++) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = Float.intBitsToFloat(r.nextInt() & 0x7EFFFFFF);
            }
            byte[] text = Base64.getEncoder().encode(FeatureTsvWriter.littleEndian(v));
            assertArrayEquals(v, dec.decode(text, 0, text.length, "x"), "n=" + n);
        }
    }

    @Test
    void shardsPartitionTheFile() {
        Path f = dir.resolve("s.tsv");
        writeRandom(f, 23, 4, 3);
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 4; i++) {
            try (FeatureTsvReader r = FeatureTsvReader.open(f, ReadOptions.failFast().withShard(new Shard(i, 4)))) {
                for (RegionFeatures x : r.readAll()) {
                    union.add(x.imageId());
                    total++;
                    assertEquals(i, (Integer.parseInt(x.imageId()) - 1000) % 4);
                }
            }
        }
        assertEquals(23, total);
        assertEquals(23, union.size());
    }

    @Test
    void storeFetchesOneImageByIdAndAgreesWithTheStream() throws Exception {
        Path f = dir.resolve("st.tsv");
        List<RegionFeatures> written = writeRandom(f, 40, 16, 5);
        try (FeatureStore store = FeatureStore.open(f)) {
            assertEquals(40, store.size());
            assertEquals(16, store.featureDim());
            assertSame(written.get(17), store.get("1017"));
            assertSame(written.get(0), store.get("1000"));
            assertSame(written.get(39), store.get("1039"));
            assertTrue(store.find("nope").isEmpty());
            DataError e = assertThrows(DataError.class, () -> store.get("nope"));
            assertTrue(e.getMessage().contains("unknown image id 'nope'"), e.getMessage());
            // Concurrent readers get the same records.
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int off = t;
                Thread th = new Thread(() -> {
                    try {
                        for (int i = 0; i < 200; i++) {
                            int k = (i * 7 + off) % 40;
                            assertSame(written.get(k), store.get(String.valueOf(1000 + k)));
                        }
                    } catch (Throwable x) {
                        synchronized (failures) {
                            failures.add(x);
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }
}
