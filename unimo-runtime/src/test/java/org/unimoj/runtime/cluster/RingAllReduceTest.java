package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ring all-reduce over simulated links: FIFO per link, links served in random order. */
class RingAllReduceTest {

    private record Bucket(int phase, int offset, float[] values) {}

    @Test
    void everyMemberEndsWithTheSameSumForAnyRingVectorAndBucketSize() {
        Random rnd = new Random(3);
        int[][] cases = {{1, 10, 4}, {2, 7, 3}, {3, 100, 7}, {3, 2, 1}, {4, 1000, 64}, {5, 33, 1000}, {3, 90, 30}};
        for (int[] c : cases) {
            int n = c[0];
            int length = c[1];
            int bucket = c[2];
            float[][] inputs = new float[n][length];
            double[] want = new double[length];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < length; i++) {
                    inputs[r][i] = (float) rnd.nextGaussian();
                    want[i] += inputs[r][i];
                }
            }
            List<ArrayDeque<Bucket>> links = new ArrayList<>(); // link r: r -> r+1
            RingAllReduce[] members = new RingAllReduce[n];
            for (int r = 0; r < n; r++) {
                links.add(new ArrayDeque<>());
                ArrayDeque<Bucket> out = links.get(r);
                members[r] = new RingAllReduce(inputs[r].clone(), n, r, bucket, (p, o, v) -> out.add(new Bucket(p, o, v)));
            }
            for (RingAllReduce m : members) {
                m.start();
            }
            int delivered = 0;
            while (true) {
                List<Integer> busy = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (!links.get(r).isEmpty()) {
                        busy.add(r);
                    }
                }
                if (busy.isEmpty()) {
                    break;
                }
                int r = busy.get(rnd.nextInt(busy.size()));
                Bucket b = links.get(r).poll();
                members[(r + 1) % n].receive(b.phase(), b.offset(), b.values());
                delivered++;
            }
            long sent = 0;
            for (int r = 0; r < n; r++) {
                assertTrue(members[r].done(), "member " + r + " of " + n + " done");
                sent += members[r].floatsSent();
                for (int i = 0; i < length; i++) {
                    assertEquals(want[i], members[r].data()[i], 1e-5, "n=" + n + " member " + r + " element " + i);
                }
                assertArrayEquals(members[0].data(), members[r].data(), "replicas bit-identical");
            }
            assertEquals(2L * (n - 1) * length, sent, "each element travels 2(n-1) hops in all");
            if (n == 1) {
                assertEquals(0, delivered);
            }
        }
    }

    @Test
    void notDoneUntilTheLastBucketArrives() {
        List<Bucket> out0 = new ArrayList<>();
        List<Bucket> out1 = new ArrayList<>();
        RingAllReduce a = new RingAllReduce(new float[] {1, 2, 3, 4}, 2, 0, 1, (p, o, v) -> out0.add(new Bucket(p, o, v)));
        RingAllReduce b = new RingAllReduce(new float[] {10, 20, 30, 40}, 2, 1, 1, (p, o, v) -> out1.add(new Bucket(p, o, v)));
        a.start();
        b.start();
        for (Bucket x : List.copyOf(out0)) {
            b.receive(x.phase(), x.offset(), x.values());
        }
        assertFalse(b.done(), "b has reduced its segment but not gathered a's");
        for (Bucket x : List.copyOf(out1)) {
            a.receive(x.phase(), x.offset(), x.values());
        }
        assertTrue(a.done());
        for (Bucket x : out0.subList(2, out0.size())) {
            b.receive(x.phase(), x.offset(), x.values());
        }
        assertTrue(b.done());
        assertArrayEquals(new float[] {11, 22, 33, 44}, b.data());
        assertArrayEquals(new float[] {11, 22, 33, 44}, a.data());
    }
}
