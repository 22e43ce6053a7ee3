package org.unimoj.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.PretrainBatches;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainJob;
import org.unimoj.runtime.pretrain.step.PretrainStep;
import org.unimoj.runtime.train.Slot;

/**
 * Trainer members as separate JVMs on 127.0.0.1 ({@code unimo pretrain --cluster}) on a small
 * embedded world, each reading its shard of the pairs, texts and images streams, against one
 * process running the single-process pre-training step ({@link PretrainStep}) on the union of
 * the members' batches.
 */
class ClusterTrainingTest {

    private static final String[] STREAMS = {"pairs", "texts", "images"};

    private static List<String> args(Path config) {
        return List.of("--config", config.toString(), "--trainers", "3", "--bucket-floats", "1000", "--failure-timeout", "2", "--run-timeout", "240");
    }

    @Test
    void threeMembersTrainAsOneProcessOnTheUnionOfTheirBatches(@TempDir Path dir) throws Exception {
        Path config = ClusterWorld.config(dir);
        Path runDir = dir.resolve("run");
        List<String> args = new ArrayList<>(args(config));
        args.addAll(List.of("--checkpoint-every", "2"));
        try (LocalMembers members = new LocalMembers(3, System.getProperty("java.class.path"), runDir, args)) {
            int[] codes = members.await(260);
            for (int i = 0; i < 3; i++) {
                assertEquals(0, codes[i], "member " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
            }
            float[] first = RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(0)).resolve(RunRecords.PARAMS));
            for (int i = 1; i < 3; i++) {
                float[] p = RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(i)).resolve(RunRecords.PARAMS));
                assertArrayEquals(first, p, "replica " + i + " is bit-identical to replica 0");
            }

            // every record of every stream read exactly once, counted against the readers' own unsharded count
            List<String> summary = Files.readAllLines(runDir.resolve(RunRecords.SUMMARY));
            long[] records = assertEveryRecordReadOnce(summary, config, true);

            // the reference: one process, the single-process step, on the union of each step's parts
            TreeMap<Long, List<List<ShardTable.Range>>> steps = stepsOf(summary);
            try (ClusterData data = ClusterWorld.data(config, 3, dir.resolve("reference"))) {
                UnimoPretrainModel model = UnimoPretrainModel.create(data.model(), DataType.FLOAT, data.settings().seed());
                Optimizer optimizer = new Optimizer(model.parameters(), PretrainJob.optimizerSettings(data.settings()), LossScaler.fixed(1.0));
                float[] initial = model.parameters().values().toFloatVector();
                Map<Long, ShardReader<?>> readers = new HashMap<>();
                try (PretrainStep step = new PretrainStep(model, optimizer, 3, data.settings().seed(), null)) {
                    for (Map.Entry<Long, List<List<ShardTable.Range>>> e : steps.entrySet()) {
                        List<PretrainBatch> parts = new ArrayList<>();
                        for (int rank = 0; rank < e.getValue().size(); rank++) {
                            Map<String, List<PretrainExample>> examples = new LinkedHashMap<>();
                            for (String s : STREAMS) {
                                examples.put(s, new ArrayList<>());
                            }
                            for (ShardTable.Range r : e.getValue().get(rank)) {
                                ShardReader<?> reader = readers.computeIfAbsent(((long) r.stream() << 32) | r.shard(), k -> data.reader(r.stream(), r.shard()));
                                for (Slot<PretrainExample> slot : reader.read(r.from(), (int) (r.to() - r.from())).slots()) {
                                    if (slot instanceof Slot.Filled<PretrainExample> f) {
                                        examples.get(STREAMS[r.stream()]).add(f.value());
                                    }
                                }
                            }
                            PretrainBatch part = data.assemble(e.getKey(), rank, examples);
                            if (part != null) {
                                parts.add(part);
                            }
                        }
                        step.train(PretrainBatches.concat(parts, data.model().padTokenId()), e.getKey());
                    }
                }
                float[] want = model.parameters().values().toFloatVector();
                assertEquals(want.length, first.length);
                assertTrue(steps.size() >= 5, "the run took several steps: " + steps.size());
                compare(model, initial, want, first);
            }

            // the leader's checkpoints: every 2 steps and at the end, with the shards' positions
            Path checkpoints = runDir.resolve(RunRecords.CHECKPOINTS);
            assertTrue(Files.isDirectory(checkpoints.resolve("step-2")) && Files.isDirectory(checkpoints.resolve("step-4")), "periodic checkpoints");
            UnimoPretrainModel restored = Checkpoint.loadPretrainModel(checkpoints.resolve("final"), DataType.FLOAT);
            assertArrayEquals(first, restored.parameters().values().toFloatVector(), "final checkpoint holds the replicas' parameters");
            Optimizer o = new Optimizer(restored.parameters(), ReplicaTrainer.optimizerSettings(1e-3), LossScaler.fixed(1.0));
            Map<String, String> meta = Checkpoint.loadOptimizer(checkpoints.resolve("final"), o, restored.parameters());
            assertEquals(Integer.toString(steps.size()), meta.get("cluster_steps"));
            ShardTable table = ShardTable.parse(meta.get("cluster_table"), 3, 3);
            for (int s = 0; s < 3; s++) {
                long total = 0;
                for (int k = 0; k < 3; k++) {
                    assertTrue(table.exhausted(s, k), STREAMS[s] + " shard " + k + " read through: " + meta.get("cluster_table"));
                    total += table.end(s, k);
                }
                assertEquals(records[s], total, STREAMS[s] + ": the shards' slots add up to the stream");
            }
        }
    }

    /**
     * @param leader kill the leader (the lowest address: it prints progress and writes the summary), else the highest address.
     * An augmenter member serves the pairs' rewriting to all trainers.
     */
    @ParameterizedTest(name = "kill the leader: {0}")
    @ValueSource(booleans = {false, true})
    void aKilledMemberIsDroppedAndTheOthersFinishWithEveryRecordCountedOnce(boolean leader, @TempDir Path dir) throws Exception {
        Path config = ClusterWorld.config(dir);
        Path runDir = dir.resolve("run");
        try (LocalMembers members = new LocalMembers(3, 1, System.getProperty("java.class.path"), runDir, args(config))) {
            int victim = 0;
            for (int i = 1; i < 3; i++) {
                boolean lower = members.ports().get(i) < members.ports().get(victim);
                if (lower == leader) {
                    victim = i;
                }
            }
            Path victimLog = RunRecords.memberDir(runDir, members.ports().get(victim)).resolve(RunRecords.CONSUMED);
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (consumed(victimLog).size() < 3) {
                assertTrue(System.nanoTime() < deadline, "3 steps within 180 s; log:\n" + log(members, victim));
                assertTrue(members.process(victim).isAlive(), "victim alive until killed; log:\n" + log(members, victim));
                Thread.sleep(50);
            }
            members.process(victim).destroyForcibly(); // SIGKILL: no leave, no goodbye
            members.process(victim).waitFor();
            int[] codes = members.await(240);
            for (int i = 0; i < 4; i++) {
                for (String line : log(members, i).split("\n")) {
                    if (line.startsWith("cluster") || line.startsWith("augmenter")) {
                        System.out.println("member " + members.ports().get(i) + (i == victim ? " (killed)" : "") + ": " + line);
                    }
                }
            }
            for (int i = 0; i < 4; i++) {
                if (i != victim) {
                    assertEquals(0, codes[i], "member " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
                }
            }
            String augmenterLog = log(members, 3);
            java.util.regex.Matcher served = java.util.regex.Pattern.compile("augmenter: served (\\d+) slots").matcher(augmenterLog);
            assertTrue(served.find() && Long.parseLong(served.group(1)) > 0, "the augmenter member served slots; log:\n" + augmenterLog);

            // the leader's summary accounts for every record of every stream exactly once
            List<String> summary = Files.readAllLines(runDir.resolve(RunRecords.SUMMARY));
            long[] records = assertEveryRecordReadOnce(summary, config, true);
            TreeMap<Long, List<List<ShardTable.Range>>> steps = stepsOf(summary);
            Map<Long, long[]> covered = new HashMap<>();
            for (List<List<ShardTable.Range>> step : steps.values()) {
                for (List<ShardTable.Range> part : step) {
                    for (ShardTable.Range r : part) {
                        long[] c = covered.computeIfAbsent(((long) r.stream() << 32) | r.shard(), k -> new long[(int) records[r.stream()]]);
                        for (long i = r.from(); i < r.to(); i++) {
                            c[(int) i]++;
                        }
                    }
                }
            }
            for (Map.Entry<Long, long[]> e : covered.entrySet()) {
                for (long n : e.getValue()) {
                    assertTrue(n <= 1, "no slot read twice in " + STREAMS[(int) (e.getKey() >>> 32)] + " shard " + (int) (long) e.getKey());
                }
            }
            assertEquals(3, steps.firstEntry().getValue().size());
            assertEquals(2, steps.lastEntry().getValue().size(), "the run ended with two trainers");

            // every trainer's own log (rollbacks applied) agrees with the summary; the victim's may hold one step more, undone by the others
            Map<String, Map<Long, String>> byMember = new HashMap<>();
            for (String line : summary.subList(1, summary.size() - 1)) {
                String[] f = line.split("\t", -1);
                byMember.computeIfAbsent(f[1], k -> new HashMap<>()).put(Long.parseLong(f[0]), f[2]);
            }
            String victimAddress = "akka://unimo@127.0.0.1:" + members.ports().get(victim);
            assertTrue(byMember.get(victimAddress).size() >= 3, "the victim's applied steps count: " + byMember.get(victimAddress).keySet());
            float[] a = null;
            for (int i = 0; i < 3; i++) {
                String address = "akka://unimo@127.0.0.1:" + members.ports().get(i);
                Map<Long, String> own = consumed(RunRecords.memberDir(runDir, members.ports().get(i)).resolve(RunRecords.CONSUMED));
                Map<Long, String> inSummary = byMember.get(address);
                for (Map.Entry<Long, String> e : inSummary.entrySet()) {
                    assertEquals(e.getValue(), own.get(e.getKey()), address + " step " + e.getKey());
                }
                int extra = own.size() - inSummary.size();
                assertTrue(extra == 0 || (i == victim && extra == 1), address + ": " + own.size() + " steps logged, " + inSummary.size() + " in the summary");
                if (i != victim) {
                    float[] p = RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(i)).resolve(RunRecords.PARAMS));
                    if (a == null) {
                        a = p;
                    } else {
                        assertArrayEquals(a, p, "survivors' replicas are identical");
                    }
                }
            }
        }
    }

    /**
     * The cluster's parameters against the one process's: the relative L2 difference of every
     * tensor and of the whole vector under 1e-5. Elementwise differences are only printed: Adam
     * divides each gradient by its own running size, so a parameter whose gradient is float noise
     * (the attention's key bias has gradient 0 exactly: softmax ignores a shift of every score)
     * moves by noise in both runs; its values are checked to stay at that noise's size.
     */
    private static void compare(UnimoPretrainModel model, float[] initial, float[] want, float[] got) {
        int hidden = model.config().hidden();
        double diff2 = 0;
        double norm2 = 0;
        double maxRel = 0;
        double moved = 0;
        long offset = 0;
        for (org.unimoj.model.nn.Param p : model.parameters().params()) {
            boolean qkvBias = p.name().endsWith("attention.self.qkv.bias");
            double d2 = 0;
            double n2 = 0;
            for (long i = offset; i < offset + p.length(); i++) {
                int j = (int) i;
                moved = Math.max(moved, Math.abs(want[j] - initial[j]));
                if (qkvBias && i - offset >= hidden && i - offset < 2L * hidden) {
                    assertTrue(Math.abs(want[j]) < 1e-4 && Math.abs(got[j]) < 1e-4, p.name() + " key part stays at float noise: " + want[j] + ", " + got[j]);
                    continue;
                }
                double d = want[j] - got[j];
                d2 += d * d;
                n2 += (double) want[j] * want[j];
                maxRel = Math.max(maxRel, Math.abs(d) / Math.max(Math.abs(want[j]), 1e-3));
            }
            offset += p.length();
            double rel = Math.sqrt(d2 / Math.max(n2, 1e-30));
            assertTrue(rel < 1e-5, p.name() + ": relative L2 difference " + rel);
            diff2 += d2;
            norm2 += n2;
        }
        double rel = Math.sqrt(diff2 / norm2);
        System.out.printf("cluster vs one process: %,d parameters, relative L2 difference %.3g, max elementwise relative difference %.3g "
                + "(floor 1e-3; key biases apart), largest change by training %.3g%n", want.length, rel, maxRel, moved);
        assertTrue(rel < 1e-5, "relative L2 difference " + rel);
        assertTrue(moved > 1e-2, "training moved the parameters: " + moved);
    }

    /** The augmenter member dies mid-run: the trainers read its shards' pairs themselves and lose nothing. */
    @Test
    void aKilledAugmenterLeavesTheTrainersToAugmentThemselves(@TempDir Path dir) throws Exception {
        Path config = ClusterWorld.config(dir);
        Path runDir = dir.resolve("run");
        List<String> args = new ArrayList<>(args(config));
        args.set(args.indexOf("--trainers") + 1, "2");
        try (LocalMembers members = new LocalMembers(2, 1, System.getProperty("java.class.path"), runDir, args)) {
            Path trainerLog = RunRecords.memberDir(runDir, members.ports().get(0)).resolve(RunRecords.CONSUMED);
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (consumed(trainerLog).size() < 2) {
                assertTrue(System.nanoTime() < deadline, "2 steps within 180 s; log:\n" + log(members, 0));
                Thread.sleep(50);
            }
            assertTrue(log(members, 0).contains("1 augmenter member(s); pairs are augmented there"), log(members, 0));
            members.process(2).destroyForcibly();
            members.process(2).waitFor();
            int[] codes = members.await(240);
            for (int i = 0; i < 2; i++) {
                assertEquals(0, codes[i], "trainer " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
                assertTrue(log(members, i).contains("0 augmenter member(s); pairs are augmented here"), log(members, i));
            }
            assertEveryRecordReadOnce(Files.readAllLines(runDir.resolve(RunRecords.SUMMARY)), config, true);
            assertArrayEquals(RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(0)).resolve(RunRecords.PARAMS)),
                    RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(1)).resolve(RunRecords.PARAMS)), "replicas identical");
        }
    }

    /**
     * A run stopped after 3 steps and started again by new members from the leader's checkpoint
     * (parameters, optimizer, step and every shard's position) ends where an unbroken run does,
     * with every record read once across the two.
     */
    @Test
    void aRunStartedAgainFromItsCheckpointEndsAsAnUnbrokenRun(@TempDir Path dir) throws Exception {
        Path config = ClusterWorld.config(dir);
        List<String> two = new ArrayList<>(args(config));
        two.set(two.indexOf("--trainers") + 1, "2");
        float[] unbroken = run(dir.resolve("unbroken"), two);
        List<String> first = new ArrayList<>(two);
        first.addAll(List.of("--max-steps", "3", "--checkpoint-every", "3"));
        run(dir.resolve("first"), first);
        Path checkpoint = dir.resolve("first").resolve(RunRecords.CHECKPOINTS).resolve("step-3");
        assertTrue(Files.isDirectory(checkpoint), "the first run's checkpoint");
        List<String> again = new ArrayList<>(two);
        again.addAll(List.of("--from-checkpoint", checkpoint.toString()));
        float[] resumed = run(dir.resolve("again"), again);

        List<String> summary = Files.readAllLines(dir.resolve("again").resolve(RunRecords.SUMMARY));
        assertEveryRecordReadOnce(summary, config, false);
        String last = summary.get(summary.size() - 1);
        assertTrue(last.endsWith("(after 3 steps before the checkpoint)"), last);
        assertEquals(3L, stepsOf(summary).firstKey(), "the second run starts with the 4th step (index 3)");
        double d2 = 0;
        double n2 = 0;
        for (int i = 0; i < unbroken.length; i++) {
            d2 += (double) (unbroken[i] - resumed[i]) * (unbroken[i] - resumed[i]);
            n2 += (double) unbroken[i] * unbroken[i];
        }
        System.out.printf("cluster started again from a checkpoint vs unbroken: relative L2 difference %.3g%n", Math.sqrt(d2 / n2));
        assertTrue(Math.sqrt(d2 / n2) < 1e-5, "relative L2 difference " + Math.sqrt(d2 / n2));
    }

    /** Runs trainers to the end; returns the first one's parameters after checking the replicas agree. */
    private static float[] run(Path runDir, List<String> args) throws Exception {
        int trainers = Integer.parseInt(args.get(args.indexOf("--trainers") + 1));
        try (LocalMembers members = new LocalMembers(trainers, System.getProperty("java.class.path"), runDir, args)) {
            int[] codes = members.await(200);
            float[] first = null;
            for (int i = 0; i < trainers; i++) {
                assertEquals(0, codes[i], "member " + members.ports().get(i) + " exit code; log:\n" + log(members, i));
                float[] p = RunRecords.readParameters(RunRecords.memberDir(runDir, members.ports().get(i)).resolve(RunRecords.PARAMS));
                if (first == null) {
                    first = p;
                } else {
                    assertArrayEquals(first, p, "replicas identical");
                }
            }
            return first;
        }
    }

    /**
     * The summary's last line says every record of every stream, as the unsharded readers count
     * them, was read exactly once (and, with {@code examples}, was an example: none quarantined);
     * returns those counts.
     */
    private static long[] assertEveryRecordReadOnce(List<String> summary, Path config, boolean examples) {
        String last = summary.get(summary.size() - 1);
        long[] records = ClusterWorld.recordCounts(config);
        for (int s = 0; s < 3; s++) {
            String want = STREAMS[s] + " " + records[s] + " slots read " + records[s] + " duplicates 0 missing 0" + (examples ? " examples " + records[s] : "");
            assertTrue(last.contains(want), STREAMS[s] + ": " + last);
        }
        return records;
    }

    /** The summary's steps: each member's ranges, in ring order. */
    private static TreeMap<Long, List<List<ShardTable.Range>>> stepsOf(List<String> summary) {
        assertEquals("step\tmember\tslots", summary.get(0));
        TreeMap<Long, List<List<ShardTable.Range>>> steps = new TreeMap<>();
        for (String line : summary.subList(1, summary.size() - 1)) {
            String[] f = line.split("\t", -1);
            steps.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(RunRecords.parseRanges(f[2]));
        }
        return steps;
    }

    /** A member's consumed log with its rollbacks applied: step to its ranges as written. */
    private static Map<Long, String> consumed(Path file) throws IOException {
        Map<Long, String> m = new HashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("rollback")) {
                m.remove(Long.parseLong(f[1]));
            } else if (f.length == 2) {
                m.put(Long.parseLong(f[0]), f[1]);
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
