package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.unimoj.model.encoder.UnimoConfig;

/** The replica's part gradients and its one-step undo (what a ring re-formed after a loss relies on). */
class ReplicaTrainerTest {

    private static final UnimoConfig CONFIG = SyntheticExamples.model(1, 16, 40, 8, 3, 8);

    @Test
    void partGradientsSumToTheWholeBatchGradient() {
        SyntheticExamples data = new SyntheticExamples(CONFIG, 5, 12, 8, 3);
        long[] all = {0, 1, 2, 3, 4, 5};
        try (ReplicaTrainer whole = new ReplicaTrainer(CONFIG, 5, 2, 1e-3); ReplicaTrainer parts = new ReplicaTrainer(CONFIG, 5, 1, 1e-3)) {
            float[] want = whole.localGradient(data.batch(all), 0, 0, data.weights(6));
            float[] a = parts.localGradient(data.batch(new long[] {0, 1, 2}), 0, 0, data.weights(6));
            float[] b = parts.localGradient(data.batch(new long[] {3, 4, 5}), 0, 1, data.weights(6));
            double maxAbs = 0;
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], a[i] + b[i], 1e-6 + 1e-5 * Math.abs(want[i]), "element " + i);
                maxAbs = Math.max(maxAbs, Math.abs(want[i]));
            }
            assertFalse(maxAbs == 0, "a non-zero gradient");
        }
    }

    @Test
    void rollbackRestoresTheStateBeforeTheLastUpdateExactly() {
        SyntheticExamples data = new SyntheticExamples(CONFIG, 5, 12, 8, 3);
        try (ReplicaTrainer t = new ReplicaTrainer(CONFIG, 5, 1, 1e-2)) {
            assertThrows(IllegalStateException.class, t::rollback);
            t.apply(t.localGradient(data.batch(new long[] {0, 1}), 0, 0, data.weights(2)));
            float[] before = t.parameters();
            float[] g1 = t.localGradient(data.batch(new long[] {2, 3}), 1, 0, data.weights(2));
            t.apply(g1.clone());
            float[] after = t.parameters();
            assertFalse(Arrays.equals(before, after), "the update moved the parameters");
            t.rollback();
            assertArrayEquals(before, t.parameters(), "parameters restored");
            // moments and the update count too: the same step again gives the same parameters, bit for bit
            float[] g2 = t.localGradient(data.batch(new long[] {2, 3}), 1, 0, data.weights(2));
            assertArrayEquals(g1, g2, "same gradient from the restored state");
            t.apply(g2);
            assertArrayEquals(after, t.parameters(), "redone step equals the undone one");
        }
    }

    @Test
    void aRestoredCheckpointContinuesExactlyAsTheRunWouldHave(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        SyntheticExamples data = new SyntheticExamples(CONFIG, 5, 12, 8, 3);
        try (ReplicaTrainer t = new ReplicaTrainer(CONFIG, 5, 1, 1e-2); ReplicaTrainer resumed = new ReplicaTrainer(CONFIG, 5, 1, 1e-2)) {
            for (int s = 0; s < 2; s++) {
                t.apply(t.localGradient(data.batch(new long[] {2L * s, 2L * s + 1}), s, 0, data.weights(2)));
            }
            t.writeCheckpoint(dir.resolve("ckpt"), java.util.Map.of("cluster_steps", "2", "cluster_cursor", "4"));
            t.apply(t.localGradient(data.batch(new long[] {4, 5}), 2, 0, data.weights(2)));

            java.util.Map<String, String> meta = resumed.restore(dir.resolve("ckpt"));
            assertEquals("2", meta.get("cluster_steps"));
            assertEquals("4", meta.get("cluster_cursor"));
            resumed.apply(resumed.localGradient(data.batch(new long[] {4, 5}), 2, 0, data.weights(2)));
            assertArrayEquals(t.parameters(), resumed.parameters(), "step 3 after the restore equals step 3 of the run");

            ReplicaTrainer other = new ReplicaTrainer(SyntheticExamples.model(1, 8, 40, 8, 3, 8), 5, 1, 1e-2);
            try (other) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.restore(dir.resolve("ckpt")));
                assertTrue(e.getMessage().startsWith("checkpoint " + dir.resolve("ckpt") + ": its model"), e.getMessage());
            }
        }
    }
}
