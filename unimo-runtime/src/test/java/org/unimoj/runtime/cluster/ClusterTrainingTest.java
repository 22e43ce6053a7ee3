package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.runtime.pretrain.step.PretrainStep;

/**
 * Members as separate JVMs on 127.0.0.1 ({@code unimo pretrain --cluster}), against one process
 * running the single-process pre-training step ({@link PretrainStep}, 3 data-parallel workers)
 * on the union of the members' batches.
 */
class ClusterTrainingTest {

    private static final int LAYERS = 1;
    private static final int HIDDEN = 16;
    private static final int VOCAB = 40;
    private static final int FEATURES = 8;
    private static final int REGIONS = 3;
    private static final int TEXT = 8;
    private static final int BATCH = 4;
    private static final long SEED = 42;
    private static final double LR = 1e-3;

    private static List<String> modelArgs(int examples) {
        return List.of("--trainers", "3", "--examples", Integer.toString(examples), "--batch-per-member", Integer.toString(BATCH),
                "--layers", Integer.toString(LAYERS), "--hidden", Integer.toString(HIDDEN), "--vocab", Integer.toString(VOCAB),
                "--feature-dim", Integer.toString(FEATURES), "--regions", Integer.toString(REGIONS), "--text-length", Integer.toString(TEXT),
                "--learning-rate", Double.toString(LR), "--seed", Long.toString(SEED), "--bucket-floats", "1000",
                "--failure-timeout", "2", "--run-timeout", "150");
    }

    @Test
    void threeMembersTrainAsOneProcessOnTheUnionOfTheirBatches(@TempDir Path dir) throws Exception {
        int steps = 5;
        int examples = 3 * BATCH * steps;
        List<String> args = new ArrayList<>(modelArgs(examples));
        args.addAll(List.of("--checkpoint-every", "2"));
        try (LocalMembers members = new LocalMembers(3, System.getProperty("java.class.path"), dir, args)) {
            int[] codes = members.await(170);
            for (int i = 0; i < 3; i++) {
                assertEquals(0, codes[i], "member " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
            }
            float[] first = RunRecords.readParameters(RunRecords.memberDir(dir, members.ports().get(0)).resolve(RunRecords.PARAMS));
            for (int i = 1; i < 3; i++) {
                float[] p = RunRecords.readParameters(RunRecords.memberDir(dir, members.ports().get(i)).resolve(RunRecords.PARAMS));
                assertArrayEquals(first, p, "replica " + i + " is bit-identical to replica 0");
            }

            // the reference: one process, the single-process step with 3 workers, on the union of the batches
            UnimoConfig config = ClusterRun.model(LAYERS, HIDDEN, VOCAB, FEATURES, REGIONS, TEXT);
            SyntheticExamples data = new SyntheticExamples(config, SEED, examples, TEXT, REGIONS);
            UnimoPretrainModel model = UnimoPretrainModel.create(config, DataType.FLOAT, SEED);
            Optimizer optimizer = new Optimizer(model.parameters(), ReplicaTrainer.optimizerSettings(LR), LossScaler.fixed(1.0));
            float[] initial = model.parameters().values().toFloatVector();
            try (PretrainStep step = new PretrainStep(model, optimizer, 3, SEED, null)) {
                for (int s = 0; s < steps; s++) {
                    long[] ids = new long[3 * BATCH];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = (long) s * ids.length + i;
                    }
                    step.train(data.batch(ids), s);
                }
            }
            float[] want = model.parameters().values().toFloatVector();
            assertEquals(want.length, first.length);
            double maxRel = 0;
            double moved = 0;
            double diff2 = 0;
            double norm2 = 0;
            for (int i = 0; i < want.length; i++) {
                diff2 += (double) (want[i] - first[i]) * (want[i] - first[i]);
                norm2 += (double) want[i] * want[i];
                double scale = Math.max(Math.abs(want[i]), 1e-3);
                maxRel = Math.max(maxRel, Math.abs(want[i] - first[i]) / scale);
                moved = Math.max(moved, Math.abs(want[i] - initial[i]));
            }
            double normRel = Math.sqrt(diff2 / norm2);
            System.out.printf("cluster vs one process: %,d parameters, max elementwise relative difference %.3g (floor 1e-3), "
                    + "relative L2 difference %.3g (largest change by training %.3g)%n", want.length, maxRel, normRel, moved);
            assertTrue(normRel < 1e-5, "relative L2 difference " + normRel);
            assertTrue(moved > 1e-3, "training moved the parameters: " + moved);
            assertTrue(maxRel < 1e-5, "max relative difference " + maxRel);

            List<String> summary = Files.readAllLines(dir.resolve(RunRecords.SUMMARY));
            assertEquals("# examples " + examples + " consumed " + examples + " duplicates 0 missing 0 steps " + steps, summary.get(summary.size() - 1));

            // the leader's checkpoints: every 2 steps and at the end, in the model engine's format
            Path checkpoints = dir.resolve(RunRecords.CHECKPOINTS);
            assertTrue(Files.isDirectory(checkpoints.resolve("step-2")) && Files.isDirectory(checkpoints.resolve("step-4")), "periodic checkpoints");
            UnimoPretrainModel restored = Checkpoint.loadPretrainModel(checkpoints.resolve("final"), DataType.FLOAT);
            assertArrayEquals(first, restored.parameters().values().toFloatVector(), "final checkpoint holds the replicas' parameters");
            Optimizer o = new Optimizer(restored.parameters(), ReplicaTrainer.optimizerSettings(LR), LossScaler.fixed(1.0));
            Map<String, String> meta = Checkpoint.loadOptimizer(checkpoints.resolve("final"), o, restored.parameters());
            assertEquals(Integer.toString(steps), meta.get("cluster_steps"));
            assertEquals(Integer.toString(examples), meta.get("cluster_cursor"));
            assertEquals(steps, o.updates());
        }
    }

    /** @param leader kill the leader (the lowest address: it prints progress and writes the summary), else the highest address */
    @ParameterizedTest(name = "kill the leader: {0}")
    @ValueSource(booleans = {false, true})
    void aKilledMemberIsDroppedAndTheOthersFinishWithEveryExampleCountedOnce(boolean leader, @TempDir Path dir) throws Exception {
        int examples = 3 * BATCH * 12;
        try (LocalMembers members = new LocalMembers(3, System.getProperty("java.class.path"), dir, modelArgs(examples))) {
            int victim = 0;
            for (int i = 1; i < 3; i++) {
                boolean lower = members.ports().get(i) < members.ports().get(victim);
                if (lower == leader) {
                    victim = i;
                }
            }
            Path victimLog = RunRecords.memberDir(dir, members.ports().get(victim)).resolve(RunRecords.CONSUMED);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (stepLines(victimLog) < 3) {
                assertTrue(System.nanoTime() < deadline, "3 steps within 120 s; log:\n" + log(members, victim));
                assertTrue(members.process(victim).isAlive(), "victim alive until killed; log:\n" + log(members, victim));
                Thread.sleep(50);
            }
            members.process(victim).destroyForcibly(); // SIGKILL: no leave, no goodbye
            members.process(victim).waitFor();
            int[] codes = members.await(150);
            for (int i = 0; i < 3; i++) {
                for (String line : log(members, i).split("\n")) {
                    if (line.startsWith("cluster:")) {
                        System.out.println("member " + members.ports().get(i) + (i == victim ? " (killed)" : "") + ": " + line);
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                if (i != victim) {
                    assertEquals(0, codes[i], "survivor " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
                }
            }

            // the leader's summary accounts for every example exactly once
            List<String> summary = Files.readAllLines(dir.resolve(RunRecords.SUMMARY));
            assertEquals("step\tmember\texamples", summary.get(0));
            String last = summary.get(summary.size() - 1);
            assertTrue(last.startsWith("# examples " + examples + " consumed " + examples + " duplicates 0 missing 0 steps "), last);
            int[] count = new int[examples];
            Map<String, Map<Long, long[]>> byMember = new HashMap<>();
            TreeMap<Long, Integer> membersPerStep = new TreeMap<>();
            for (String line : summary.subList(1, summary.size() - 1)) {
                String[] f = line.split("\t", -1);
                long step = Long.parseLong(f[0]);
                long[] ids = RunRecords.parseIds(f[2]);
                for (long id : ids) {
                    count[(int) id]++;
                }
                byMember.computeIfAbsent(f[1], k -> new HashMap<>()).put(step, ids);
                membersPerStep.merge(step, 1, Integer::sum);
            }
            for (int id = 0; id < examples; id++) {
                assertEquals(1, count[id], "example " + id + " consumed once");
            }
            String victimAddress = "akka://unimo@127.0.0.1:" + members.ports().get(victim);
            assertTrue(byMember.get(victimAddress).size() >= 3, "the victim's applied steps count: " + byMember.get(victimAddress).keySet());
            assertEquals(3, membersPerStep.firstEntry().getValue());
            assertEquals(2, membersPerStep.lastEntry().getValue(), "the run ended with two members");

            // every member's own log (rollbacks applied) agrees with the summary; the victim's may hold one step more, undone by the others
            for (int i = 0; i < 3; i++) {
                String address = "akka://unimo@127.0.0.1:" + members.ports().get(i);
                Map<Long, long[]> own = consumed(RunRecords.memberDir(dir, members.ports().get(i)).resolve(RunRecords.CONSUMED));
                Map<Long, long[]> inSummary = byMember.get(address);
                for (Map.Entry<Long, long[]> e : inSummary.entrySet()) {
                    assertArrayEquals(e.getValue(), own.get(e.getKey()), address + " step " + e.getKey());
                }
                int extra = own.size() - inSummary.size();
                assertTrue(extra == 0 || (i == victim && extra == 1), address + ": " + own.size() + " steps logged, " + inSummary.size() + " in the summary");
            }
            float[] a = null;
            for (int i = 0; i < 3; i++) {
                if (i != victim) {
                    float[] p = RunRecords.readParameters(RunRecords.memberDir(dir, members.ports().get(i)).resolve(RunRecords.PARAMS));
                    if (a == null) {
                        a = p;
                    } else {
                        assertArrayEquals(a, p, "survivors' replicas are identical");
                    }
                }
            }
        }
    }

    private static int stepLines(Path consumed) throws IOException {
        return Files.exists(consumed) ? consumed(consumed).size() : 0;
    }

    /** A member's consumed log with its rollbacks applied. */
    private static Map<Long, long[]> consumed(Path file) throws IOException {
        Map<Long, long[]> m = new HashMap<>();
        for (String line : new ArrayList<>(Files.readAllLines(file))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("rollback")) {
                m.remove(Long.parseLong(f[1]));
            } else if (f.length == 2) {
                m.put(Long.parseLong(f[0]), RunRecords.parseIds(f[1]));
            }
        }
        return m;
    }

    private static String log(LocalMembers members, int i) {
        try {
            Path p = members.log(members.ports().get(i));
            return Files.exists(p) ? Files.readString(p) : "(no log)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
