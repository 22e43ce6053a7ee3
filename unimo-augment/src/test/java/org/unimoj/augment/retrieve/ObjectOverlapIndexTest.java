package org.unimoj.augment.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.RegionFeatures;

/** The inverted-list search gives exactly what scanning every image and computing the Jaccard overlap gives. */
class ObjectOverlapIndexTest {

    @Test
    void searchEqualsABruteForceScan() {
        SplittableRandom r = new SplittableRandom(8);
        int classes = 40;
        List<String> ids = new ArrayList<>();
        List<int[]> objects = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            ids.add("img" + i);
            objects.add(randomSet(r, classes));
        }
        ObjectOverlapIndex index = ObjectOverlapIndex.build(ids, objects, classes);
        for (int q = 0; q < 200; q++) {
            int[] query = randomSet(r, classes);
            String exclude = q % 2 == 0 ? "img" + r.nextInt(3000) : null;
            List<ObjectOverlapIndex.Hit> expected = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                double o = jaccard(query, objects.get(i));
                if (o >= 0.4 && o > 0 && !ids.get(i).equals(exclude)) {
                    expected.add(new ObjectOverlapIndex.Hit(i, ids.get(i), o));
                }
            }
            expected.sort(Comparator.comparingDouble(ObjectOverlapIndex.Hit::overlap).reversed().thenComparingInt(ObjectOverlapIndex.Hit::ordinal));
            assertEquals(expected.subList(0, Math.min(5, expected.size())), index.search(query, 5, 0.4, exclude));
        }
        assertThrows(IllegalArgumentException.class, () -> ObjectOverlapIndex.build(List.of("a"), List.of(new int[] {3, 1}), 5));
    }

    @Test
    void detectedObjectsAreTheConfidentArgMaxClassesButNotTheIgnoredOnes() {
        float[] probs = {
            0.1f, 0.7f, 0.1f, 0.1f,   // class 1
            0.1f, 0.1f, 0.1f, 0.7f,   // class 3 (ignored)
            0.7f, 0.1f, 0.1f, 0.1f,   // background
            0.3f, 0.25f, 0.25f, 0.2f, // class 1 but the best non-background class has 0.25 < 0.3
        };
        RegionFeatures f = new RegionFeatures("x", 10, 10, 4, 1, new float[16], new float[4], 4, probs);
        BitSet ignored = new BitSet();
        ignored.set(3);
        assertEquals(List.of(1), toList(DetectedObjects.of(f, 0.3, ignored)));
        assertEquals(List.of(1, 3), toList(DetectedObjects.of(f, 0.2, null)));
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) {
            out.add(x);
        }
        return out;
    }

    private static int[] randomSet(SplittableRandom r, int classes) {
        BitSet b = new BitSet();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.set(r.nextInt(classes / 3) + (r.nextBoolean() ? 0 : classes / 3));
        }
        return b.stream().toArray();
    }

    private static double jaccard(int[] a, int[] b) {
        BitSet x = new BitSet();
        for (int i : a) {
            x.set(i);
        }
        BitSet y = new BitSet();
        for (int i : b) {
            y.set(i);
        }
        BitSet and = (BitSet) x.clone();
        and.and(y);
        BitSet or = (BitSet) x.clone();
        or.or(y);
        return and.cardinality() / (double) or.cardinality();
    }
}
