package org.unimoj.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo generate-world}: the embedded visual world, written in the real dataset formats. */
@Command(name = "generate-world", mixinStandardHelpOptions = true,
        description = {"Generate the embedded visual world from a seed: region features (bottom-up-attention TSV), captions (Karpathy and COCO JSON)",
            "with ground-truth scene graphs, a text corpus, an image-only collection, VQA v2, SNLI-VE, a GLUE-style and a summarization task.",
            "The same seed and options give byte-identical files. Layout and formats: unimo-data/WORLD.md."},
        footer = {"", "Example (a small world for a quick run): unimo generate-world --seed 1 --images 5000 --feature-dim 128 --out data/world"})
final class GenerateWorldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "The world's seed (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--images", paramLabel = "N", description = "Captioned images, train + val + test (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    int images;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "data/world")
    Path out;

    @Option(names = "--feature-dim", paramLabel = "D", description = "Region feature dimension (default: ${DEFAULT-VALUE}; 64-256 for quick runs).",
            defaultValue = "2048")
    int featureDim;

    @Option(names = "--max-regions", paramLabel = "K", description = "Regions per image at most (default: ${DEFAULT-VALUE}).", defaultValue = "12")
    int maxRegions;

    @Option(names = "--test-images", paramLabel = "N", description = "Test images (default: min(1000, images/5)).")
    Integer testImages;

    @Option(names = "--val-images", paramLabel = "N", description = "Validation images (default: min(1000, images/10)).")
    Integer valImages;

    @Option(names = "--image-only", paramLabel = "N", description = "Images of the image-only collection (default: images/5).")
    Integer imageOnly;

    @Option(names = "--corpus-sentences", paramLabel = "N", description = "Lines of the text-only corpus (default: 5 x images).")
    Integer corpus;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores); the output does not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Write into a directory that is not empty (files of an earlier world are overwritten).")
    boolean force;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() {
        WorldSpec ws;
        try {
            ws = WorldSpec.defaults(seed, images);
            ws = ws.withSplits(valImages != null ? valImages : ws.valImages(), testImages != null ? testImages : ws.testImages());
            ws = ws.withFeatures(featureDim, maxRegions);
            if (imageOnly != null) {
                ws = ws.withImageOnly(imageOnly);
            }
            if (corpus != null) {
                ws = ws.withCorpus(corpus);
            }
            if (threads != null) {
                ws = ws.withThreads(threads);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        checkOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outW = spec.commandLine().getOut();
        outW.println("generate-world: " + ws + " -> " + out);
        outW.flush();
        long t0 = System.nanoTime();
        ProgressListener progress = quiet ? ProgressListener.NONE : new Progress(err, t0);
        WorldGenerator.Summary s = new WorldGenerator(ws, out, progress).generate();
        double seconds = (System.nanoTime() - t0) / 1e9;
        outW.printf("generate-world: done in %.1f s: %d train, %d val, %d test, %d image-only images; %d regions (%.1f MB of features);%n",
                seconds, s.trainImages(), s.valImages(), s.testImages(), s.imageOnly(), s.regions(), s.featureBytes() / 1e6);
        outW.printf("  %d captions, %d VQA questions, %d SNLI-VE pairs, %d corpus sentences. Manifest: %s%n", s.captions(), s.questions(),
                s.hypotheses(), s.corpusLines(), out.resolve("world.json"));
        outW.flush();
        return ExitCodes.OK;
    }

    private void checkOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a file, not a directory");
        }
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UsageError("--out " + out + " is not empty; pass --force to overwrite the world in it");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + out, e);
            }
        }
    }

    /** One line per stage at most every two seconds, and when a stage ends. */
    private static final class Progress implements ProgressListener {
        private final PrintWriter err;
        private final long start;
        private long last;

        Progress(PrintWriter err, long start) {
            this.err = err;
            this.start = start;
        }

        @Override
        public void progress(String stage, long done, long total) {
            long now = System.nanoTime();
            if (done == total || now - last > 2_000_000_000L) {
                last = now;
                err.printf("generate-world: %s %d/%d (%d%%), %.1f s%n", stage, done, total, total == 0 ? 100 : done * 100 / total, (now - start) / 1e9);
                err.flush();
            }
        }
    }
}
