package org.unimoj.runtime.pretrain;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.Split;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldLayout;
import org.unimoj.data.world.WorldSpec;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.train.BpeTrainer;
import org.unimoj.model.tokenizer.train.TrainerSettings;
import org.unimoj.model.tokenizer.train.TrainingProgress;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pretrain.data.DataFiles;

/**
 * What a run settles before its pipeline starts: the world (generated when absent), the tokenizer
 * (given, kept from an earlier launch, or trained on the run's text), the shape of the data and the
 * model's configuration.
 */
final class Preparation {

    private final PretrainSettings settings;
    private final PrintWriter err;

    Preparation(PretrainSettings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    /** Generates the embedded world into the data directory when it has no world.json and the settings allow it. */
    void world() {
        Path dir = settings.dataDir();
        WorldLayout layout = new WorldLayout(dir);
        if (Files.isRegularFile(layout.manifest()) || !settings.world().generateIfAbsent()) {
            return;
        }
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new UsageError("data directory " + dir + " has no world.json but is not empty; generate a world elsewhere or set "
                            + "unimo.pretrain.world.generate-if-absent = false and the unimo.pretrain.data files");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        PretrainSettings.World w = settings.world();
        WorldSpec spec = WorldSpec.defaults(settings.worldSeed(), w.images()).withFeatures(w.featureDim(), w.maxRegions());
        err.println("pretrain: no world in " + dir + "; generating it (" + spec + ")");
        err.flush();
        long t0 = System.nanoTime();
        long[] last = {0};
        ProgressListener progress = (stage, done, total) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] > 5_000_000_000L) {
                last[0] = now;
                err.printf(Locale.ROOT, "pretrain: world %s %d/%d%n", stage, done, total);
                err.flush();
            }
        };
        WorldGenerator.Summary s = new WorldGenerator(spec, dir, progress).generate();
        err.printf(Locale.ROOT, "pretrain: world generated in %.1f s: %d train, %d val, %d test, %d image-only images, %d corpus sentences%n",
                (System.nanoTime() - t0) / 1e9, s.trainImages(), s.valImages(), s.testImages(), s.imageOnly(), s.corpusLines());
        err.flush();
    }

    /**
     * The run's tokenizer in {@code runTokenizerDir}: copied from {@code tokenizer.dir} when set, kept when
     * an earlier launch left one there, else trained on the corpus and the pairs' captions.
     */
    ByteLevelBpeTokenizer tokenizer(DataFiles files, Path runTokenizerDir) {
        try {
            if (Files.isRegularFile(runTokenizerDir.resolve("vocab.json"))) {
                return ByteLevelBpeTokenizer.load(runTokenizerDir);
            }
            ByteLevelBpeTokenizer t;
            if (!settings.tokenizer().dir().isBlank()) {
                t = ByteLevelBpeTokenizer.load(Path.of(settings.tokenizer().dir()));
            } else {
                long t0 = System.nanoTime();
                List<String> texts = new ArrayList<>();
                // bad records follow the read policy; skipped ones are listed beside the tokenizer (the streams list them again)
                try (Quarantine q = Quarantine.toFile(runTokenizerDir.resolve("quarantine.jsonl"))) {
                    ReadOptions options = settings.readPolicy() == ReadPolicy.SKIP ? ReadOptions.skipTo(q) : ReadOptions.failFast();
                    try (TextCorpusReader r = TextCorpusReader.open(files.corpus(), options)) {
                        r.forEachRemaining(x -> texts.add(x.text() + "\n"));
                    }
                    Split split = Split.parse(files.pairsSplit());
                    try (KarpathyJsonReader r = KarpathyJsonReader.open(files.captions(), options)) {
                        r.forEachRemaining(img -> {
                            if (img.split() == split) {
                                for (Caption c : img.captions()) {
                                    texts.add(c.text() + "\n");
                                }
                            }
                        });
                    }
                }
                BpeTrainer.Result r = new BpeTrainer(TrainerSettings.of(settings.tokenizer().vocabSize())).train(texts, TrainingProgress.NONE);
                t = ByteLevelBpeTokenizer.of(r.vocabulary());
                err.printf(Locale.ROOT, "pretrain: trained a %d-entry byte-level BPE vocabulary on %d sentences in %.1f s%s%n", t.vocabSize(), texts.size(),
                        (System.nanoTime() - t0) / 1e9, r.reachedSize() ? "" : " (the text allows no more merges than that)");
                err.flush();
            }
            Files.createDirectories(runTokenizerDir);
            t.save(runTokenizerDir);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokenizer to " + runTokenizerDir, e);
        }
    }

    /** The feature dimension and detector class count of the pairs' features (from their first record). */
    static int[] featureShape(Path features) {
        try (FeatureTsvReader r = FeatureTsvReader.open(features, ReadOptions.failFast())) {
            RegionFeatures f = r.next();
            return new int[] {f.featureDim(), f.numClasses()};
        }
    }

    /** The model's configuration: the preset, the size overrides, and what the data and the tokenizer fix. */
    UnimoConfig modelConfig(org.unimoj.api.text.TextEncoder tokenizer, int featureDim, int classes) {
        PretrainSettings.Model m = settings.model();
        UnimoConfig c;
        try {
            c = UnimoConfig.preset(m.preset());
        } catch (IllegalArgumentException e) {
            throw new UsageError("unimo.pretrain.model.preset: " + e.getMessage());
        }
        int layers = m.layers() > 0 ? m.layers() : c.layers();
        int hidden = m.hidden() > 0 ? m.hidden() : c.hidden();
        int heads = m.heads() > 0 ? m.heads() : c.heads();
        int regions = m.maxRegions() > 0 ? m.maxRegions() : settings.world().maxRegions();
        try {
            return new UnimoConfig("pretrain-" + c.name(), layers, hidden, heads, 4 * hidden, tokenizer.vocabSize(), settings.data().maxTextLength() + 2, featureDim,
                    regions, classes, m.dropout(), m.dropout(), c.layerNormEps(), m.initStd(), tokenizer.padId(), m.temperature(), m.learnTemperature());
        } catch (IllegalArgumentException e) {
            throw new UsageError("unimo.pretrain.model: " + e.getMessage());
        }
    }
}
