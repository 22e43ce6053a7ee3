package org.unimoj.runtime.pretrain.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.unimoj.data.world.WorldLayout;
import org.unimoj.runtime.cli.UsageError;
import org.unimoj.runtime.pretrain.PretrainSettings;

/**
 * The files pre-training reads: each configured path, or the world's file under the data directory
 * when the setting is empty (WORLD.md: pairs = features/train.tsv + captions/dataset_world.json,
 * text = corpus/text.txt, images = features/image_only.tsv).
 */
public record DataFiles(Path captions, Path pairFeatures, String pairsSplit, Path corpus, Path images) {

    public static DataFiles of(PretrainSettings s) {
        WorldLayout w = new WorldLayout(s.dataDir());
        PretrainSettings.Data d = s.data();
        return new DataFiles(or(d.captions(), w.karpathy()), or(d.pairFeatures(), w.features(d.pairsSplit())), d.pairsSplit(),
                or(d.corpus(), w.corpus()), or(d.images(), w.features(WorldLayout.IMAGE_ONLY)));
    }

    private static Path or(String configured, Path world) {
        return configured.isBlank() ? world : Path.of(configured);
    }

    /** Fails with a usage error naming the first missing file. */
    public DataFiles requireExisting() {
        for (Path p : new Path[] {captions, pairFeatures, corpus, images}) {
            if (!Files.isRegularFile(p)) {
                throw new UsageError("pre-training data file " + p + " does not exist (set unimo.data.dir to a world, or the unimo.pretrain.data.* files)");
            }
        }
        return this;
    }

    /** The region features of split {@code split} beside the pairs' features (world layout). */
    public Path featuresOf(String split) {
        return pairFeatures.resolveSibling(split + ".tsv");
    }
}
