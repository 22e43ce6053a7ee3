package org.unimoj.runtime.cluster;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.unimoj.model.encoder.UnimoConfig;

/** Starts one cluster member (an actor system on Artery TCP), runs it to the end of the run and leaves. */
public final class ClusterRun {

    /** Everything a member needs; the data set and model are the same on every member. */
    public record Options(String host, int port, List<String> seedNodes, String role, int trainers, int examples, int batchPerMember,
                          long maxSteps, UnimoConfig model, int textLength, int regions, double learningRate, long seed, int workers,
                          int bucketFloats, long checkpointEvery, Path fromCheckpoint, Duration failureTimeout, Duration runTimeout, Path runDir) {}

    /** The model of a cluster run: {@code layers} x {@code hidden}, its vocabulary, region features and positions. */
    public static UnimoConfig model(int layers, int hidden, int vocab, int featureDim, int maxRegions, int textLength) {
        int heads = hidden % 2 == 0 ? 2 : 1;
        return new UnimoConfig("cluster-" + layers + "x" + hidden, layers, hidden, heads, 4 * hidden, vocab,
                Math.max(textLength + 2, 16), featureDim, maxRegions, 4, 0.1, 0.1, 1e-5, 0.02, SyntheticExamples.PAD, 0.07, false);
    }

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

    /** The actor system's name (part of every member address). */
    public static final String SYSTEM = "unimo";

    private ClusterRun() {}

    /**
     * Runs a trainer member to the end of the run. Returns the summary line (on the leader) or the
     * member's own line; throws {@link TimeoutException} if the run does not end in time.
     */
    public static String runTrainer(Options o, PrintWriter progress) throws TimeoutException, InterruptedException {
        UnimoConfig model = o.model();
        SyntheticExamples data = new SyntheticExamples(model, o.seed(), o.examples(), o.textLength(), o.regions());
        RunRecords records = new RunRecords(o.runDir(), o.port());
        CompletableFuture<String> outcome = new CompletableFuture<>();
        try (ReplicaTrainer trainer = new ReplicaTrainer(model, o.seed(), o.workers(), o.learningRate())) {
            progress.printf("cluster member %s:%d (trainer): model %s, %,d parameters; waiting for %d trainers via %s%n", o.host(), o.port(),
                    model.name(), trainer.parameterCount(), o.trainers(), o.seedNodes());
            progress.flush();
            long firstStep = 0;
            long firstCursor = 0;
            if (o.fromCheckpoint() != null) {
                java.util.Map<String, String> meta = trainer.restore(o.fromCheckpoint());
                try {
                    firstStep = Long.parseLong(meta.get("cluster_steps"));
                    firstCursor = Long.parseLong(meta.get("cluster_cursor"));
                } catch (NumberFormatException | NullPointerException e) {
                    throw new IllegalArgumentException("checkpoint " + o.fromCheckpoint() + ": not a cluster run's (no cluster_steps/cluster_cursor in its metadata)");
                }
                progress.printf("cluster: from checkpoint %s: %d steps done, %d examples consumed%n", o.fromCheckpoint(), firstStep, firstCursor);
            }
            TrainerMember.Settings settings = new TrainerMember.Settings(o.trainers(), o.batchPerMember(), o.maxSteps(), o.bucketFloats(),
                    o.checkpointEvery(), firstStep, firstCursor);
            ActorSystem<Void> system = ActorSystem.create(Behaviors.setup(ctx -> {
                ctx.spawn(TrainerMember.create(settings, trainer, data, records, progress, outcome), "trainer",
                        DispatcherSelector.fromConfig("unimo-trainer-dispatcher"));
                return Behaviors.empty();
            }), SYSTEM, akkaConfig(o));
            try {
                String line = outcome.get(o.runTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return line;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cluster member failed: " + e.getCause(), e.getCause());
            } finally {
                CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
                try {
                    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                    progress.println("cluster: actor system did not terminate in 30 s");
                }
            }
        }
    }
}
