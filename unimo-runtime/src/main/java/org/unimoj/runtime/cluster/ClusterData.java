package org.unimoj.runtime.cluster;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.Shard;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.Objective;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.runtime.plugin.PluginRegistry;
import org.unimoj.runtime.pretrain.PretrainBatching;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainJob;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.augment.PairAugmentation;
import org.unimoj.runtime.pretrain.augment.SingleModal;
import org.unimoj.runtime.pretrain.data.PretrainSources;
import org.unimoj.runtime.train.BatchAssembler;

/**
 * The data of a cluster run, built the same on every member from the same configuration: the
 * run's context (tokenizer, model), its pipeline's augmentation and batching (the same Guice
 * composition a single-process run uses), and readers of any shard of the three streams (the
 * readers' shard i of n, over the files every member can read).
 */
final class ClusterData implements AutoCloseable {

    /** The streams, in the order of their index in {@link ShardTable} and on the wire. */
    static final List<String> STREAMS = List.of(PretrainSources.PAIRS, PretrainSources.TEXTS, PretrainSources.IMAGES);

    /** Assembled parts draw their masking from (seed, step x this + part), so members mask differently. */
    static final long MAX_PARTS = 1 << 16;

    private final PretrainContext context;
    private final PairAugmentation augmentation;
    private final BatchAssembler<PretrainExample, PretrainBatch> assembler;
    private final String describe;
    private final int shards;
    private final Map<Integer, PretrainSources> sources = new HashMap<>();

    /**
     * @param shards  shards per stream (the run's first ring size)
     * @param workDir where this member keeps its tokenizer copy and quarantine file
     */
    ClusterData(Config config, PluginRegistry plugins, int shards, Path workDir, PrintWriter log) {
        PretrainSettings settings = PretrainSettings.from(config);
        Quarantine quarantine = Quarantine.toFile(workDir.resolve("quarantine.jsonl"));
        this.context = PretrainJob.prepareExisting(settings, workDir.resolve("tokenizer"), quarantine, log);
        Injector injector = Guice.createInjector(PretrainJob.composition(config, plugins, context));
        this.augmentation = injector.getInstance(PairAugmentation.class);
        PretrainBatching batching = injector.getInstance(PretrainBatching.class);
        this.assembler = batching.assembler(context);
        this.describe = "augmentation " + augmentation.describe() + "; batches " + batching.describe();
        this.shards = shards;
    }

    PretrainSettings settings() {
        return context.settings();
    }

    UnimoConfig model() {
        return context.model();
    }

    int shards() {
        return shards;
    }

    String describe() {
        return describe;
    }

    /** Examples of {@code stream} one member's part of a step takes. */
    int demand(int stream) {
        return assembler.demand().getOrDefault(STREAMS.get(stream), 0);
    }

    /** A reader of shard {@code shard} of stream {@code stream} (each with its own transform). */
    ShardReader<?> reader(int stream, int shard) {
        PretrainSources s = sources.computeIfAbsent(shard, k -> new PretrainSources(context.files(), context.settings().readPolicy(),
                context.quarantine(), context.settings().data().blockSize(), context.settings().seed(), new Shard(k, shards)));
        Encoders enc = context.encoders();
        long seed = context.settings().seed();
        String name = STREAMS.get(stream);
        // as the single-process augmenters do: the source file, and where in the stream
        ShardReader.Failures failures = (st, sh, slot, record, e) -> context.quarantine().add(Path.of(sourceOf(stream)), 0, "augment",
                e + " (stream " + st + ", shard " + sh + ", slot " + slot + ")", record);
        return switch (stream) {
            case 0 -> new ShardReader<>(name, shard, s.pairs(), augmentation.newTransform(enc), seed, failures);
            case 1 -> new ShardReader<>(name, shard, s.texts(), SingleModal.texts(enc), seed, failures);
            case 2 -> new ShardReader<>(name, shard, s.images(), SingleModal.images(enc), seed, failures);
            default -> throw new IllegalArgumentException("no stream " + stream);
        };
    }

    private String sourceOf(int stream) {
        return switch (stream) {
            case 0 -> context.files().captions().toString();
            case 1 -> context.files().corpus().toString();
            default -> context.files().images().toString();
        };
    }

    /** Part {@code part} of step {@code step}'s batch from its examples by stream (null when it has none). */
    PretrainBatch assemble(long step, int part, Map<String, List<PretrainExample>> records) {
        int n = 0;
        for (List<PretrainExample> l : records.values()) {
            n += l.size();
        }
        return n == 0 ? null : assembler.assemble(step * MAX_PARTS + part, records).batch();
    }

    /** Each objective's target count in {@code batch} (zeros for none). */
    static Map<Objective, Double> weights(PretrainBatch batch) {
        Map<Objective, Double> w = new EnumMap<>(Objective.class);
        for (Objective o : Objective.values()) {
            w.put(o, batch == null ? 0.0 : batch.weight(o));
        }
        return w;
    }

    @Override
    public void close() {
        for (PretrainSources s : sources.values()) {
            s.close();
        }
        context.quarantine().close();
    }
}
