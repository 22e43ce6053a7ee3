package org.unimoj.runtime.cluster;

import java.util.Arrays;

/**
 * One all-reduce (sum) of a flat float vector over a ring of {@code n} members, from the point of
 * view of member {@code rank}: the vector is cut into n segments; in n-1 reduce-scatter phases
 * each member adds what its predecessor sends to its own values and passes the sum on, so member
 * r ends with the full sum of segment r+1; in n-1 all-gather phases the sums travel once round
 * the ring. Segments go in buckets of at most {@code bucket} floats, each forwarded as soon as it
 * arrives, so the phases overlap. Each member sends 2(n-1)/n of the vector in all.
 *
 * <p>Every member ends with bit-identical values: each segment's sum is computed once, by the
 * member that completes it, and copied. Messages must come from the predecessor in order (Artery
 * keeps the order of one sender to one receiver), and only after {@link #start()}.
 */
final class RingAllReduce {

    /** Sends one bucket to the successor. */
    interface Outbox {
        void send(int phase, int offset, float[] values);
    }

    private final float[] data;
    private final int n;
    private final int rank;
    private final int bucket;
    private final Outbox outbox;
    private final int ownedFrom;
    private final int ownedTo;
    private long reducedOwned;
    private long gathered;
    private long floatsSent;
    private int messagesSent;
    private boolean started;

    RingAllReduce(float[] data, int n, int rank, int bucket, Outbox outbox) {
        if (n < 1 || rank < 0 || rank >= n || bucket < 1) {
            throw new IllegalArgumentException("ring of " + n + ", rank " + rank + ", bucket " + bucket);
        }
        this.data = data;
        this.n = n;
        this.rank = rank;
        this.bucket = bucket;
        this.outbox = outbox;
        int owned = (rank + 1) % n;
        this.ownedFrom = from(owned);
        this.ownedTo = from(owned + 1);
    }

    /** Start of segment {@code j} (j = n is the end). */
    private int from(int j) {
        return (int) ((long) data.length * j / n);
    }

    /** Sends this member's own segment (reduce-scatter phase 0). */
    void start() {
        started = true;
        if (n == 1) {
            return;
        }
        for (int a = from(rank), end = from(rank + 1); a < end; a += bucket) {
            send(0, a, Arrays.copyOfRange(data, a, Math.min(end, a + bucket)));
        }
    }

    /** One bucket from the predecessor. */
    void receive(int phase, int offset, float[] values) {
        if (!started) {
            throw new IllegalStateException("bucket before start");
        }
        if (phase < 0 || phase > 2 * n - 3 || offset < 0 || offset + values.length > data.length) {
            throw new IllegalArgumentException("bucket of phase " + phase + " at " + offset + "+" + values.length
                    + " outside a ring of " + n + " over " + data.length + " floats");
        }
        if (phase < n - 1) {
            for (int i = 0; i < values.length; i++) {
                data[offset + i] += values[i];
            }
            float[] sum = Arrays.copyOfRange(data, offset, offset + values.length);
            if (phase == n - 2) {
                reducedOwned += values.length; // a final sum of the segment this member owns
            }
            send(phase + 1, offset, sum); // the next reduce-scatter phase, or all-gather phase 0
        } else {
            System.arraycopy(values, 0, data, offset, values.length);
            gathered += values.length;
            if (phase < 2 * n - 3) {
                send(phase + 1, offset, values);
            }
        }
    }

    private void send(int phase, int offset, float[] values) {
        floatsSent += values.length;
        messagesSent++;
        outbox.send(phase, offset, values);
    }

    boolean done() {
        if (n == 1) {
            return started; // alone: the vector is already the sum
        }
        return started && reducedOwned == ownedTo - ownedFrom && gathered == data.length - (ownedTo - ownedFrom);
    }

    /** Floats this member has sent. */
    long floatsSent() {
        return floatsSent;
    }

    /** Buckets (messages) this member has sent. */
    int messagesSent() {
        return messagesSent;
    }

    float[] data() {
        return data;
    }
}
