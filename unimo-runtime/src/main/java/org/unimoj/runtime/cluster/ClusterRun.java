package org.unimoj.runtime.cluster;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.runtime.pretrain.PretrainJob;
import org.unimoj.runtime.pretrain.PretrainSettings;

/** Starts one cluster member (an actor system on Artery TCP), runs it to the end of the run and leaves. */
public final class ClusterRun {

    /** The roles a member can have. */
    public static final String TRAINER = "trainer";
    public static final String AUGMENTER = "augmenter";

    /**
     * Everything a member needs; {@code config} (data, model, batch composition, augmentation,
     * optimizer, seed) is the same on every member.
     *
     * @param trainers trainers the ring starts with, and the shards each stream is cut into
     * @param maxSteps stop after this many steps (0: the configuration's unimo.pretrain.steps)
     * @param interactive the leader redraws one progress line (on a terminal)
     */
    public record Options(String host, int port, List<String> seedNodes, String role, int trainers, Config config, PluginRegistry plugins,
                          long maxSteps, int workers, int bucketFloats, long checkpointEvery, Path fromCheckpoint, Duration failureTimeout,
                          Duration runTimeout, Path runDir, boolean interactive) {}

    /** The actor system's name (part of every member address). */
    public static final String SYSTEM = "unimo";

    private ClusterRun() {}

    /** The Akka configuration of a member. */
    public static Config akkaConfig(Options o) {
        List<String> seeds = new ArrayList<>();
        for (String s : o.seedNodes()) {
            seeds.add("akka://" + SYSTEM + "@" + s);
        }
        long ms = o.failureTimeout().toMillis();
        return ConfigFactory.empty()
                .withValue("akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(o.host()))
                .withValue("akka.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(o.port()))
                .withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
                .withValue("akka.cluster.roles", ConfigValueFactory.fromIterable(List.of(o.role())))
                .withValue("akka.cluster.failure-detector.acceptable-heartbeat-pause", ConfigValueFactory.fromAnyRef(ms + "ms"))
                .withValue("akka.cluster.split-brain-resolver.stable-after", ConfigValueFactory.fromAnyRef(ms + "ms"))
                .withFallback(ConfigFactory.parseResources(ClusterRun.class, "cluster.conf"))
                .withFallback(ConfigFactory.load());
    }

    /** Runs a member of {@code o.role()} to the end of the run; returns its last line (the run summary on the leader). */
    public static String run(Options o, PrintWriter progress) throws TimeoutException, InterruptedException {
        Path memberDir = RunRecords.memberDir(o.runDir(), o.port());
        try {
            Files.createDirectories(memberDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + memberDir, e);
        }
        try (ClusterData data = new ClusterData(o.config(), o.plugins(), o.trainers(), memberDir, progress)) {
            return o.role().equals(AUGMENTER) ? runAugmenter(o, data, progress) : runTrainer(o, data, progress);
        }
    }

    private static String runTrainer(Options o, ClusterData data, PrintWriter progress) throws TimeoutException, InterruptedException {
        PretrainSettings ps = data.settings();
        long maxSteps = o.maxSteps() > 0 ? o.maxSteps() : ps.steps();
        RunRecords records = new RunRecords(o.runDir(), o.port());
        try (ReplicaTrainer trainer = new ReplicaTrainer(data.model(), ps.seed(), o.workers(), PretrainJob.optimizerSettings(ps))) {
            progress.printf("cluster member %s:%d (trainer): model %d layers x %d hidden, %,d parameters; %d steps at most; waiting for %d trainers via %s%n",
                    o.host(), o.port(), data.model().layers(), data.model().hidden(), trainer.parameterCount(), maxSteps, o.trainers(), o.seedNodes());
            progress.flush();
            long firstStep = 0;
            ShardTable table = new ShardTable(ClusterData.STREAMS.size(), o.trainers());
            if (o.fromCheckpoint() != null) {
                Map<String, String> meta = trainer.restore(o.fromCheckpoint());
                String steps = meta.get("cluster_steps");
                String shards = meta.get("cluster_shards");
                String cursors = meta.get("cluster_table");
                if (steps == null || shards == null || cursors == null) {
                    throw new UsageError("--from-checkpoint " + o.fromCheckpoint() + ": not a cluster run's checkpoint (no cluster_steps, cluster_shards, cluster_table in its metadata)");
                }
                if (Integer.parseInt(shards) != o.trainers()) {
                    throw new UsageError("--from-checkpoint " + o.fromCheckpoint() + ": its run cut the data into " + shards + " shards; start it with --trainers " + shards);
                }
                firstStep = Long.parseLong(steps);
                table = ShardTable.parse(cursors, ClusterData.STREAMS.size(), o.trainers());
                progress.printf("cluster: from checkpoint %s: %d steps done%n", o.fromCheckpoint(), firstStep);
            }
            TrainerMember.Settings settings = new TrainerMember.Settings(o.trainers(), maxSteps, o.bucketFloats(), o.checkpointEvery(), firstStep,
                    table, o.failureTimeout().multipliedBy(2), o.interactive());
            CompletableFuture<String> outcome = new CompletableFuture<>();
            ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
                ctx.spawn(TrainerMember.create(settings, trainer, data, records, progress, outcome), "trainer",
                        DispatcherSelector.fromConfig("unimo-trainer-dispatcher"));
                return Behaviors.empty();
            }), SYSTEM, akkaConfig(o));
            return await(system, outcome, o, progress);
        }
    }

    private static String runAugmenter(Options o, ClusterData data, PrintWriter progress) throws TimeoutException, InterruptedException {
        progress.printf("cluster member %s:%d (augmenter): %s; serving the trainers of %s%n", o.host(), o.port(), data.describe(), o.seedNodes());
        progress.flush();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
            ctx.spawn(AugmentService.registered(data, outcome), "augmenter", DispatcherSelector.fromConfig("unimo-augment-dispatcher"));
            return Behaviors.empty();
        }), SYSTEM, akkaConfig(o));
        return await(system, outcome, o, progress);
    }

    private static String await(ActorSystem<Void> system, CompletableFuture<String> outcome, Options o, PrintWriter progress)
            throws TimeoutException, InterruptedException {
        try {
            return outcome.get(o.runTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cluster member failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
            try {
                system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                progress.println("cluster: actor system did not terminate in 30 s");
            }
        }
    }
}
