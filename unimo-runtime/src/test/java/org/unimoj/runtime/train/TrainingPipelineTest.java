package org.unimoj.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.data.io.Quarantine;
import org.unimoj.runtime.config.Settings;
import org.unimoj.runtime.train.actors.AugmenterPool;
import org.unimoj.runtime.train.actors.Batcher;
import org.unimoj.runtime.train.actors.Checkpointer;
import org.unimoj.runtime.train.actors.RunCoordinator;
import org.unimoj.runtime.train.actors.RunOutcome;
import org.unimoj.runtime.train.actors.RunPlan;
import org.unimoj.runtime.train.actors.Trainer;

/**
 * The generic training pipeline with stand-ins for the model (a step that sums its batch), so the
 * actors' protocol is tested on its own: order, gaps, crashes, flow control, divergence, stop.
 */
class TrainingPipelineTest {

    @TempDir
    Path tmp;

    static final Config CONFIG = Settings.load(Optional.empty(), List.of());

    /** Records 0..n-1 of an epoch; the values in {@code rejected} are gaps, as a reader's rejects. */
    static Supplier<EpochStream<Integer>> epoch(int n, Set<Integer> rejected, AtomicLong reads) {
        return () -> new EpochStream<>() {
            int i;

            @Override
            public Slot<Integer> next() {
                if (i == n) {
                    return null;
                }
                reads.incrementAndGet();
                int v = i++;
                return rejected.contains(v) ? new Slot.Empty<>(v, "rejected " + v) : new Slot.Filled<>(v, v);
            }

            @Override
            public void close() {}
        };
    }

    record Snap(long step, long sum) implements Snapshot {
        @Override
        public void writeCheckpoint(Path dir, Map<String, String> metadata) {
            try {
                Files.writeString(dir.resolve("model.txt"), step + " " + sum + " " + metadata);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sums every record it sees; the loss of a step is its batch's mean; NaN at {@code nanAt}. */
    static class SumStep implements TrainingStep<List<Integer>, Snap> {
        final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        final long nanAt;
        final long sleepMillis;
        long sum;

        SumStep(long nanAt, long sleepMillis) {
            this.nanAt = nanAt;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public StepResult train(List<Integer> batch, long step) {
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            batches.add(batch);
            sum += batch.stream().mapToLong(Integer::longValue).sum();
            double loss = step == nanAt ? Double.NaN : batch.stream().mapToDouble(Integer::doubleValue).average().orElse(0);
            return new StepResult(Map.of("mean", loss), 0.1, 1.0);
        }

        @Override
        public Snap snapshot(long step) {
            return new Snap(step, sum);
        }

        @Override
        public void close() {}
    }

    /** Takes {@code n} records of stream "a" per batch. */
    static BatchAssembler<Integer, List<Integer>> assembler(int n) {
        return new BatchAssembler<>() {
            @Override
            public Map<String, Integer> demand() {
                return Map.of("a", n);
            }

            @Override
            public Assembled<List<Integer>> assemble(long step, Map<String, List<Integer>> records) {
                return new Assembled<>(List.copyOf(records.get("a")), n);
            }
        };
    }

    /** Times ten; throws on the values in {@code crash}. */
    static SlotTransform<Integer, Integer> timesTen(Set<Integer> crash) {
        return new SlotTransform<>() {
            @Override
            public Integer apply(Integer v, long slot, java.util.SplittableRandom random) {
                if (crash.contains(v)) {
                    throw new IllegalStateException("cannot augment " + v);
                }
                return v * 10;
            }

            @Override
            public String describe(Integer v) {
                return "record " + v;
            }
        };
    }

    RunOutcome run(SlotSource<Integer> source, Set<Integer> crash, int perBatch, TrainingStep<List<Integer>, Snap> step, long steps, long checkpointEvery,
                   int maxRestarts, Quarantine q, java.util.function.Consumer<ActorSystem<RunCoordinator.Command>> whileRunning) throws Exception {
        AugmenterPool.Settings pool = new AugmenterPool.Settings(2, 4, 32, 8, maxRestarts, Duration.ofMinutes(1), "unimo-dispatchers.data");
        RunPlan<Integer, List<Integer>, Snap> plan = new RunPlan<>(
                List.of(new RunPlan.StreamPlan<>(source, () -> timesTen(crash), pool, 8)), assembler(perBatch), step, List.of(), List.of(),
                new Trainer.Schedule(steps, checkpointEvery, 0), new RunState(0, 5, DataPosition.start(), "test", 0, 0, 0), tmp.resolve("ckpt"), 3, q,
                RunListener.NONE, new Batcher.Settings(2, 8, 1000), new RunPlan.Dispatchers("unimo-dispatchers.trainer", "unimo-dispatchers.data",
                        "unimo-dispatchers.evaluator", "unimo-dispatchers.checkpointer"));
        CompletableFuture<RunOutcome> f = new CompletableFuture<>();
        ActorSystem<RunCoordinator.Command> system = ActorSystem.create(RunCoordinator.create(plan, f), "test", CONFIG);
        try {
            whileRunning.accept(system);
            return f.get(60, TimeUnit.SECONDS);
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everySlotIsTrainedOrQuarantinedAndAnAugmenterThatCrashesIsRestarted() throws Exception {
        AtomicLong reads = new AtomicLong();
        SlotSource<Integer> source = new BlockShuffledSource<>("a", "numbers", epoch(40, Set.of(7, 31), reads), 1, 1);
        Quarantine q = Quarantine.toFile(tmp.resolve("quarantine.jsonl"));
        SumStep step = new SumStep(-1, 0);
        RunOutcome o = run(source, Set.of(13, 22), 5, step, 20, 0, 10, q, s -> { });
        q.close();
        assertEquals(RunOutcome.Status.COMPLETED, o.status(), o.message());
        // 20 batches of 5 records = 100 records; 2 epochs and part of a third, each epoch losing 4 of its 40 slots
        BatchReady.StreamUse use = o.stats().streams().get("a");
        assertEquals(0, use.from());
        assertEquals(100, use.records());
        assertEquals(use.to() - use.from(), use.records() + use.gaps(), "in = trained + quarantined");
        List<Integer> trained = step.batches.stream().flatMap(List::stream).toList();
        List<Integer> expected = new ArrayList<>();
        for (long k = 0; expected.size() < 100; k++) {
            int v = (int) (k % 40);
            if (!Set.of(7, 31, 13, 22).contains(v)) {
                expected.add(v * 10);
            }
        }
        assertEquals(expected, trained, "records arrive in slot order, augmented, gaps left out");
        long gapsInRange = 0;
        for (long k = use.from(); k < use.to(); k++) {
            gapsInRange += Set.of(7, 31, 13, 22).contains((int) (k % 40)) ? 1 : 0;
        }
        assertEquals(gapsInRange, use.gaps());
        String quarantined = Files.readString(tmp.resolve("quarantine.jsonl"));
        assertTrue(quarantined.contains("record 13") && quarantined.contains("record 22"), quarantined);
        assertTrue(quarantined.contains("IllegalStateException: cannot augment 13"), quarantined);
        AugmenterPool.Counts pool = o.pools().get(0);
        assertTrue(pool.crashed() >= 4, "13 and 22 crashed an augmenter in each of the first two epochs: " + pool);
        assertEquals(pool.received(), pool.delivered() + pool.held(), "the pool accounts for every slot it received: " + pool);
    }

    @Test
    void theLoaderNeverRunsFarAheadOfTraining() throws Exception {
        AtomicLong reads = new AtomicLong();
        SlotSource<Integer> source = new BlockShuffledSource<>("a", "numbers", epoch(1000, Set.of(), reads), 1, 1);
        long[] maxAhead = {0};
        SumStep step = new SumStep(-1, 20) {
            @Override
            public StepResult train(List<Integer> batch, long s) {
                maxAhead[0] = Math.max(maxAhead[0], reads.get() - (s - 1) * 4);
                return super.train(batch, s);
            }
        };
        Quarantine q = Quarantine.toFile(tmp.resolve("q.jsonl"));
        RunOutcome o = run(source, Set.of(), 4, step, 40, 0, 10, q, s -> { });
        assertEquals(RunOutcome.Status.COMPLETED, o.status(), o.message());
        // pool capacity 32 + batcher: (prefetch 2 + 1) batches of 4 + one chunk of 8 + loader chunk 8
        assertTrue(maxAhead[0] <= 32 + 12 + 8 + 8, "read ahead of training at most the buffers' bounds, was " + maxAhead[0]);
        assertTrue(reads.get() < 40 * 4 + 60, "the loader read " + reads.get() + " slots for 160 trained");
        assertTrue(o.stats().waitSeconds() - o.stats().firstWaitSeconds() < 0.25 * o.stats().trainSeconds(),
                "in steady state the trainer hardly waits: " + o.stats());
    }

    @Test
    void aNonFiniteLossStopsTheRunAndTheLastCheckpointIsTheLastGoodOne() throws Exception {
        AtomicLong reads = new AtomicLong();
        SlotSource<Integer> source = new BlockShuffledSource<>("a", "numbers", epoch(100, Set.of(), reads), 1, 1);
        Quarantine q = Quarantine.toFile(tmp.resolve("q.jsonl"));
        RunOutcome o = run(source, Set.of(), 3, new SumStep(7, 0), 20, 5, 10, q, s -> { });
        assertEquals(RunOutcome.Status.DIVERGED, o.status());
        assertTrue(o.message().contains("step 7") && o.message().contains("non-finite") && o.message().contains("step 5"), o.message());
        assertEquals(tmp.resolve("ckpt").resolve("step-00000005"), Checkpointer.latest(tmp.resolve("ckpt")));
        assertFalse(Files.exists(tmp.resolve("ckpt").resolve("step-00000007")));
        assertEquals(5, RunState.read(Checkpointer.latest(tmp.resolve("ckpt"))).step());
    }

    @Test
    void aStopRequestCheckpointsTheLastFinishedStep() throws Exception {
        AtomicLong reads = new AtomicLong();
        SlotSource<Integer> source = new BlockShuffledSource<>("a", "numbers", epoch(100, Set.of(), reads), 1, 1);
        Quarantine q = Quarantine.toFile(tmp.resolve("q.jsonl"));
        SumStep step = new SumStep(-1, 50);
        RunOutcome o = run(source, Set.of(), 3, step, 1000, 0, 10, q, system -> {
            while (step.batches.size() < 4) {
                Thread.onSpinWait();
            }
            system.tell(new RunCoordinator.StopRequested("test"));
        });
        assertEquals(RunOutcome.Status.STOPPED, o.status(), o.message());
        long last = o.stats().lastStep();
        assertTrue(last >= 4 && last < 1000);
        RunState state = RunState.read(Checkpointer.latest(tmp.resolve("ckpt")));
        assertEquals(last, state.step());
        assertEquals(3 * last, state.position().of("a"), "the position after the last trained batch");
        assertEquals(last, step.batches.size(), "no batch is trained after the stop");
    }

    @Test
    void anAugmenterPastItsRestartLimitFailsTheRunWithTheCause() throws Exception {
        AtomicLong reads = new AtomicLong();
        SlotSource<Integer> source = new BlockShuffledSource<>("a", "numbers", epoch(100, Set.of(), reads), 1, 1);
        Quarantine q = Quarantine.toFile(tmp.resolve("q.jsonl"));
        Set<Integer> all = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            all.add(i);
        }
        RunOutcome o = run(source, all, 3, new SumStep(-1, 0), 20, 0, 2, q, s -> { });
        assertEquals(RunOutcome.Status.FAILED, o.status());
        assertTrue(o.message().contains("augmenter failed more than 2 times") && o.message().contains("cannot augment"), o.message());
    }
}
