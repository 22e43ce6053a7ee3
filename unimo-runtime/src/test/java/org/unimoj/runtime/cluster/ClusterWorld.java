package org.unimoj.runtime.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.unimoj.api.data.Split;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.runtime.config.Settings;
import org.unimoj.runtime.plugin.PluginLoader;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.data.DataFiles;
import org.unimoj.runtime.testing.TestWorlds;

/**
 * The cluster tests' data: a 30-image embedded world (105 training captions, 150 corpus
 * sentences, 6 image-only images), generated once per build under target/, and a run
 * configuration on it small enough for three member JVMs on two cores.
 */
final class ClusterWorld {

    private ClusterWorld() {}

    static Path get() {
        return TestWorlds.generated("cluster-30", WorldSpec.defaults(17, 30).withFeatures(16, 4).withThreads(2));
    }

    /** Writes the run configuration (on-the-fly rewriting: one positive and one hard negative per pair) and returns its file. */
    static Path config(Path dir) throws IOException {
        Path file = dir.resolve("cluster.conf");
        Files.writeString(file, "unimo {\n"
                + "  seed = 5\n"
                + "  run.dir = \"" + dir.resolve("unused-run-dir") + "\"\n"
                + "  data.dir = \"" + get() + "\"\n"
                + "  pretrain {\n"
                + "    modules = [\"org.unimoj.runtime.pipeline.PretrainDataModule\", \"org.unimoj.runtime.pipeline.OnTheFlyAugmentationModule\",\n"
                + "               \"org.unimoj.runtime.pipeline.JointBatchModule\"]\n"
                + "    steps = 200\n"
                + "    tokenizer.vocab-size = 300\n"
                + "    model { layers = 1, hidden = 16, heads = 2, dropout = 0.0, init-std = 0.1, temperature = 0.3, learn-temperature = false }\n"
                + "    optimizer { learning-rate = 1e-2, warmup = 0.0 }\n"
                + "    batch { pairs = 4, joint = 2, captioning = 1, texts = 5, images = 1, positives = 1, negatives = 1, related-images = 0, related-texts = 0 }\n"
                + "    augment { related-images = 0, related-texts = 0 }\n"
                + "    data.block-size = 16\n"
                + "  }\n"
                + "}\n");
        return file;
    }

    /** The data of {@code config} as a member sees it, in this JVM (its tokenizer under {@code workDir}). */
    static ClusterData data(Path config, int shards, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new ClusterData(Settings.load(Optional.of(config), List.of()), PluginLoader.load(null, ClusterWorld.class.getClassLoader()), shards,
                workDir, new PrintWriter(new StringWriter()));
    }

    /** Records of each stream counted by the readers themselves, unsharded: training captions, corpus sentences, image-only images. */
    static long[] recordCounts(Path config) {
        DataFiles files = DataFiles.of(PretrainSettings.from(Settings.load(Optional.of(config), List.of())));
        long[] n = new long[3];
        Split split = Split.parse(files.pairsSplit());
        try (KarpathyJsonReader r = KarpathyJsonReader.open(files.captions(), ReadOptions.failFast())) {
            r.forEachRemaining(img -> n[0] += img.split() == split ? img.captions().size() : 0);
        }
        try (TextCorpusReader r = TextCorpusReader.open(files.corpus(), ReadOptions.failFast())) {
            r.forEachRemaining(x -> n[1]++);
        }
        try (FeatureTsvReader r = FeatureTsvReader.open(files.images(), ReadOptions.failFast())) {
            r.forEachRemaining(x -> n[2]++);
        }
        return n;
    }
}
