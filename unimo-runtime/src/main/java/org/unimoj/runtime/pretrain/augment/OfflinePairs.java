package org.unimoj.runtime.pretrain.augment;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.augment.job.AugmentJob;
import org.unimoj.augment.job.AugmentOptions;
import org.unimoj.augment.job.AugmentSummary;
import org.unimoj.augment.job.AugmentedPair;
import org.unimoj.augment.job.AugmentedPairReader;
import org.unimoj.data.features.FeatureChecks;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.Shard;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pretrain.PretrainContext;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.data.PairRecord;
import org.unimoj.runtime.train.SlotTransform;

/**
 * Pairs with the CMCL material of the offline augmentation job (unimo-augment's {@link AugmentJob}):
 * its {@code augment.jsonl} is read once into memory by caption id, and each augmenter looks its pair
 * up there. When the file is missing it runs the job first (the configured rewriters and retrieval
 * counts, on the run's data files and seed) and writes the file where it was expected, so the next
 * run finds it. A pair the file does not have, or has with another text, is a bad record: the
 * augmenter quarantines it with that reason.
 */
public final class OfflinePairs implements PairAugmentation, AutoCloseable {

    private final Path file;
    private final Map<String, AugmentedPair> pairs;
    private final FeatureStore imagePool;
    private final CmclMaterial material;

    public OfflinePairs(PretrainContext c) {
        PretrainSettings s = c.settings();
        this.file = s.offlineAugmentFile();
        if (!Files.isRegularFile(file)) {
            if (!s.augment().runIfAbsent()) {
                throw new UsageError("offline augmentation file " + file + " does not exist (run 'unimo augment --in DATA --out DIR', or set "
                        + "unimo.pretrain.augment.offline.run-if-absent = true)");
            }
            runJob(c, file.getParent());
        }
        ReadOptions options = new ReadOptions(s.readPolicy(), c.quarantine(), Shard.ALL);
        long t0 = System.nanoTime();
        Map<String, AugmentedPair> m = new HashMap<>();
        try (AugmentedPairReader r = AugmentedPairReader.open(file, options)) {
            r.forEachRemaining(p -> m.put(p.captionId(), p));
        }
        this.pairs = m;
        c.log().printf(Locale.ROOT, "pretrain: read %d augmented pairs from %s in %.1f s%n", m.size(), file, (System.nanoTime() - t0) / 1e9);
        c.log().flush();
        this.imagePool = FeatureStore.open(c.files().images(), ReadOptions.failFast(), FeatureChecks.defaults());
        this.material = new CmclMaterial(s.batch(), imagePool);
    }

    /** Runs the offline job on the run's pairs into {@code outDir} (kept: the next run reads it). */
    static AugmentSummary runJob(PretrainContext c, Path outDir) {
        PretrainSettings s = c.settings();
        PretrainSettings.Augment a = s.augment();
        PrintWriter log = c.log();
        log.println("pretrain: no offline augmentation at " + outDir.resolve(AugmentJob.PAIRS_FILE) + "; running the augmentation job first");
        log.flush();
        AugmentOptions defaults = AugmentOptions.defaults(s.dataDir(), outDir);
        AugmentOptions options = defaults.withSeed(s.seed()).withRewriters(a.rewriters())
                .withRewriterSettings(a.rewriterSettings()).withCaptions(c.files().captions(), c.files().pairsSplit())
                .withFiles(c.files().pairFeatures(), List.of(c.files().images()), c.files().corpus(), null)
                .withRetrieval(a.relatedImages(), defaults.minOverlap(), defaults.minConfidence(), a.relatedTexts())
                .withOut(outDir, true);
        long[] last = {0};
        AugmentJob.Progress progress = new AugmentJob.Progress() {
            @Override
            public void stage(String name) {
                log.println("pretrain: augment: " + name);
                log.flush();
            }

            @Override
            public synchronized void pairs(long done, long total) {
                long now = System.nanoTime();
                if (done == total || now - last[0] > 5_000_000_000L) {
                    last[0] = now;
                    log.printf(Locale.ROOT, "pretrain: augment: %d/%d pairs%n", done, total);
                    log.flush();
                }
            }
        };
        AugmentSummary summary;
        try {
            summary = new AugmentJob(options, progress).run();
        } catch (IllegalArgumentException e) {
            throw new UsageError("the augmentation job: " + e.getMessage());
        }
        log.printf(Locale.ROOT, "pretrain: augmented %d pairs in %.1f s: %d positives, %d hard negatives, %d related images, %d related texts%n",
                summary.pairs(), summary.seconds().get("total"),
                summary.rewriters().values().stream().filter(k -> k.polarity().equals("positive")).mapToLong(AugmentSummary.RewriterCounts::rewrites).sum(),
                summary.rewriters().values().stream().filter(k -> k.polarity().equals("negative")).mapToLong(AugmentSummary.RewriterCounts::rewrites).sum(),
                summary.relatedImages().total(), summary.relatedTexts().total());
        log.flush();
        return summary;
    }

    /** The pairs read, by caption id. */
    public int size() {
        return pairs.size();
    }

    @Override
    public String describe() {
        return "offline: " + file + " (" + pairs.size() + " pairs)";
    }

    @Override
    public SlotTransform<PairRecord, PretrainExample> newTransform(Encoders encoders) {
        return new SlotTransform<>() {
            @Override
            public PretrainExample apply(PairRecord r, long slot, SplittableRandom random) {
                AugmentedPair a = pairs.get(r.caption().id());
                if (a == null) {
                    throw new IllegalArgumentException("caption " + r.caption().id() + " has no line in " + file
                            + " (made from other data? delete it and the run makes it again)");
                }
                if (!a.text().equals(r.caption().text())) {
                    throw new IllegalArgumentException("caption " + r.caption().id() + " reads \"" + a.text() + "\" in " + file + " but \""
                            + r.caption().text() + "\" in the captions (made from other data? delete it and the run makes it again)");
                }
                return material.pair(r, encoders, texts(a.positives()), texts(a.negatives()),
                        a.relatedImages().stream().map(AugmentedPair.RelatedImage::imageId).toList(),
                        a.relatedTexts().stream().map(AugmentedPair.RelatedText::text).toList(), random);
            }

            @Override
            public String describe(PairRecord r) {
                return Describe.pair(r);
            }
        };
    }

    static List<String> texts(List<Rewrite> rewrites) {
        return rewrites.stream().map(Rewrite::text).toList();
    }

    @Override
    public void close() {
        imagePool.close();
    }
}
