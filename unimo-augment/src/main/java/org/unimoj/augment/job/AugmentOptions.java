package org.unimoj.augment.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the augmentation job reads, what it makes and how. Files left null are found under {@code in}
 * when it has the embedded world's layout (WORLD.md); a source whose file is missing is off and the
 * summary says so.
 *
 * @param in                a data directory in the world's layout, or null when every file is given
 * @param out               the output directory (augment.jsonl, summary.json)
 * @param force             write into a non-empty output directory
 * @param seed              the seed of every random choice: same seed and inputs, same bytes
 * @param rewriters         rewriter and group names ("all", "none", "sentence", "object-swap", ...)
 * @param rewriterSettings  per rewriter, its settings (keys without the {@code unimo.augment.rewriters.<name>.} prefix)
 * @param split             the split of the image-text pairs ("train")
 * @param captions          the captions: Karpathy JSON, or a Flickr8k/30k token file ({@code *.txt}, {@code *.token})
 * @param features          region features (TSV with cls_prob) of the pairs' images, for their detected objects
 * @param imagePool         region features of the images to retrieve from (the image-only collection)
 * @param corpus            the text-only corpus to retrieve related texts from (one sentence a line)
 * @param scenes            ground-truth image scene graphs ({@code scenes/<split>.jsonl}) to check rewrites against
 * @param imageGraphs       "auto" (ground truth when there is one), "ground-truth" or "captions" (the union of an image's caption graphs)
 * @param relatedImages     related images per pair (0: off)
 * @param minOverlap        the object-overlap threshold of a related image (0.4)
 * @param minConfidence     the class probability from which a region counts as a detected object
 * @param relatedTexts      related texts per pair (0: off)
 * @param threads           worker threads
 * @param limit             only the first {@code limit} pairs (0: all)
 */
public record AugmentOptions(Path in, Path out, boolean force, long seed, List<String> rewriters, Map<String, Map<String, String>> rewriterSettings,
                             String split, Path captions, Path features, List<Path> imagePool, Path corpus, Path scenes, String imageGraphs,
                             int relatedImages, double minOverlap, double minConfidence, int relatedTexts, int threads, int limit) {

    public AugmentOptions {
        Objects.requireNonNull(out, "out");
        rewriters = List.copyOf(rewriters);
        rewriterSettings = Map.copyOf(rewriterSettings);
        imagePool = imagePool == null ? null : List.copyOf(imagePool);
        if (!List.of("auto", "ground-truth", "captions").contains(imageGraphs)) {
            throw new IllegalArgumentException("image graphs '" + imageGraphs + "': expected auto, ground-truth or captions");
        }
        if (relatedImages < 0 || relatedTexts < 0 || threads < 1 || limit < 0) {
            throw new IllegalArgumentException("related images/texts and limit must be >= 0, threads >= 1");
        }
        if (!(minOverlap >= 0 && minOverlap <= 1) || !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("overlap and confidence thresholds must be in [0, 1]");
        }
    }

    /** Every default: seed 42, all rewriters, split train, files from {@code in}, 3 related images (overlap 0.4) and texts, one thread per core. */
    public static AugmentOptions defaults(Path in, Path out) {
        return new AugmentOptions(in, out, false, 42, List.of("all"), Map.of(), "train", null, null, null, null, null, "auto", 3,
                0.4, 0.2, 3, Runtime.getRuntime().availableProcessors(), 0);
    }

    public AugmentOptions withSeed(long s) {
        return new AugmentOptions(in, out, force, s, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withRewriters(List<String> names) {
        return new AugmentOptions(in, out, force, seed, names, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withThreads(int n) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, n, limit);
    }

    public AugmentOptions withOut(Path o, boolean f) {
        return new AugmentOptions(in, o, f, seed, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withImageGraphs(String mode) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, mode,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withLimit(int n) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, n);
    }

    public AugmentOptions withCaptions(Path file, String splitName) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, splitName, file, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withRetrieval(int images, double overlap, double confidence, int texts) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                images, overlap, confidence, texts, threads, limit);
    }

    public AugmentOptions withFiles(Path featuresFile, List<Path> pool, Path corpusFile, Path scenesFile) {
        return new AugmentOptions(in, out, force, seed, rewriters, rewriterSettings, split, captions, featuresFile, pool, corpusFile, scenesFile,
                imageGraphs, relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }

    public AugmentOptions withRewriterSettings(Map<String, Map<String, String>> settings) {
        return new AugmentOptions(in, out, force, seed, rewriters, settings, split, captions, features, imagePool, corpus, scenes, imageGraphs,
                relatedImages, minOverlap, minConfidence, relatedTexts, threads, limit);
    }
}
