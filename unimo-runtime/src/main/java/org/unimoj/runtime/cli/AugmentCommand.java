package org.unimoj.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.augment.job.AugmentBenchmark;
import org.unimoj.augment.job.AugmentJob;
import org.unimoj.augment.job.AugmentOptions;
import org.unimoj.augment.job.AugmentSummary;
import org.unimoj.augment.rewrite.Rewriters;
import org.unimoj.runtime.plugin.LoadedRewriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unimo augment}: the offline augmentation job of {@code org.unimoj.augment.job}: for every
 * image-text pair its positives, hard negatives, related images and related texts, as JSON lines;
 * {@code unimo augment bench} times it.
 */
@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rewrite captions into positives and hard negatives and retrieve related images and texts.",
            "For every image-text pair of --in (a data directory in the embedded world's layout, see unimo-data/WORLD.md) writes one "
                + "JSON line to --out/augment.jsonl: its positives and hard negatives, each tagged with the rewriter, granularity and "
                + "polarity that made it, its related images (detected-object overlap) and related texts (BM25 over the text corpus), "
                + "then --out/summary.json and a summary of counts per rewriter. Rewrites are checked against the image's scene graph: "
                + "the ground truth when the data has one (scenes/<split>.jsonl), else the union of its captions. Same seed and inputs: "
                + "the same bytes, whatever --threads. Format: unimo-augment/AUGMENT.md.",
            "Rewriters (--rewriters, names or groups): " + "paraphrase, tfidf-negative (group 'sentence'); object-swap, attribute-swap, "
                + "relation-swap ('scene-graph'); word-order; drop-attribute, drop-relation, add-attribute ('length'); negation, question "
                + "('pattern'); 'all' (default), 'none'; plugin rewriters by name. Settings: --set unimo.augment.rewriters.<name>.<key>=<value> "
                + "(max, tries; tfidf-negative: top-k; paraphrase: source, file, check)."},
        subcommands = AugmentCommand.Bench.class,
        footer = {"", "Examples:", "  unimo augment --in data/world --out data/augmented",
            "  unimo augment --in data/world --out runs/ablation-no-length --rewriters sentence,scene-graph,word-order,pattern --related-images 0",
            "  unimo augment --captions ../shared/data/flickr8k/Flickr8k.token.txt --out runs/flickr8k-aug --related-images 0"})
final class AugmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--in", paramLabel = "DIR", description = "Data directory in the world's layout; every input below defaults to its file there.")
    Path in;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required): augment.jsonl and summary.json.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: unimo.seed, 42).")
    Long seed;

    @Option(names = "--rewriters", paramLabel = "LIST", split = ",", description = "Rewriters and groups to run, comma-separated (default: all).")
    List<String> rewriters = new ArrayList<>(List.of("all"));

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "train",
            description = "Split of the pairs: train, val, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--captions", paramLabel = "FILE", description = "Captions: Karpathy JSON, or a Flickr8k/30k token file (default: DIR/captions/dataset_world.json).")
    Path captions;

    @Option(names = "--features", paramLabel = "FILE", description = "Region features with cls_prob of the pairs' images (default: DIR/features/<split>.tsv).")
    Path features;

    @Option(names = "--image-pool", paramLabel = "FILE", split = ",", description = "Region features of the images to retrieve from (default: DIR/features/image_only.tsv).")
    List<Path> imagePool;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Text corpus for related texts, one sentence a line (default: DIR/corpus/text.txt).")
    Path corpus;

    @Option(names = "--scenes", paramLabel = "FILE", description = "Ground-truth image scene graphs (default: DIR/scenes/<split>.jsonl).")
    Path scenes;

    @Option(names = "--image-graphs", paramLabel = "MODE", defaultValue = "auto",
            description = "What rewrites are checked against: auto (ground truth if there is one), ground-truth, captions (default: ${DEFAULT-VALUE}).")
    String imageGraphs;

    @Option(names = "--related-images", paramLabel = "K", defaultValue = "3", description = "Related images per pair, 0 for none (default: ${DEFAULT-VALUE}).")
    int relatedImages;

    @Option(names = "--min-overlap", paramLabel = "X", defaultValue = "0.4",
            description = "Object overlap (Jaccard) from which an image is related (default: ${DEFAULT-VALUE}, the paper's).")
    double minOverlap;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.2",
            description = "Class probability from which a region counts as a detected object (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--related-texts", paramLabel = "K", defaultValue = "3", description = "Related texts per pair, 0 for none (default: ${DEFAULT-VALUE}).")
    int relatedTexts;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: the number of cores); the output does not depend on it.")
    Integer threads;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Only the first N pairs (default: all).")
    int limit;

    @Option(names = "--force", description = "Write into an output directory that is not empty.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        if (out == null) {
            throw new UsageError("missing --out DIR (see 'unimo augment --help')");
        }
        if (in == null && captions == null) {
            throw new UsageError("give --in DIR (a data directory) or --captions FILE");
        }
        Config cfg = run.loadConfig();
        Map<String, RewriterProvider> available = available(cfg);
        AugmentOptions options = options(cfg, out, force);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        AugmentSummary s = runJob(options, available, err, quiet);
        printSummary(o, s, out);
        return ExitCodes.OK;
    }

    /** Built-ins and plugin rewriters, by name. */
    Map<String, RewriterProvider> available(Config cfg) {
        Map<String, RewriterProvider> out = new LinkedHashMap<>(Rewriters.available(AugmentCommand.class.getClassLoader()));
        for (LoadedRewriter r : run.loadPlugins(cfg).rewriters()) {
            out.putIfAbsent(r.provider().name(), r.provider());
        }
        return out;
    }

    AugmentOptions options(Config cfg, Path outDir, boolean overwrite) {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        Config rs = cfg.getConfig("unimo.augment.rewriters");
        for (Map.Entry<String, ConfigValue> e : rs.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            String name = dot < 0 ? key : key.substring(0, dot);
            String sub = dot < 0 ? "" : key.substring(dot + 1);
            settings.computeIfAbsent(name.replace("\"", ""), k -> new LinkedHashMap<>()).put(sub.replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
        }
        try {
            return new AugmentOptions(in, outDir, overwrite, seed != null ? seed : cfg.getLong("unimo.seed"), rewriters, settings, split, captions,
                    features, imagePool, corpus, scenes, imageGraphs, relatedImages, minOverlap, minConfidence, relatedTexts,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), limit);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    static AugmentSummary runJob(AugmentOptions options, Map<String, RewriterProvider> available, PrintWriter err, boolean quiet) {
        Progress progress = new Progress(err, quiet);
        try {
            return new AugmentJob(options, available, progress).run();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        } finally {
            progress.close();
        }
    }

    static void printSummary(PrintWriter o, AugmentSummary s, Path outDir) {
        o.printf("augment: %d pairs of %d images in %.1f s (%.0f pairs/s, %d threads); rewrites checked against %s image graphs%n", s.pairs(),
                s.images(), s.seconds().get("total"), s.pairsPerSecond(), s.threads(), s.imageGraphs());
        o.printf("  %-18s %-9s %-8s %9s %8s%n", "rewriter", "polarity", "level", "rewrites", "yield");
        s.rewriters().forEach((name, k) -> o.printf("  %-18s %-9s %-8s %9d %7.1f%%%n", name, k.polarity(), k.granularity(), k.rewrites(),
                100.0 * k.pairsWith() / Math.max(1, s.pairs())));
        o.printf("  %-18s %-18s %9d %7.1f%%%n", "related images", "", s.relatedImages().total(), 100.0 * s.relatedImages().pairsWith() / Math.max(1, s.pairs()));
        o.printf("  %-18s %-18s %9d %7.1f%%%n", "related texts", "", s.relatedTexts().total(), 100.0 * s.relatedTexts().pairsWith() / Math.max(1, s.pairs()));
        for (String x : s.off()) {
            o.println("  off: " + x);
        }
        if (outDir != null) {
            o.println("  written: " + outDir.resolve(AugmentJob.PAIRS_FILE) + ", " + outDir.resolve(AugmentJob.SUMMARY_FILE));
        }
        o.flush();
    }

    /** Stage lines, then a progress bar over the pairs (on the error stream). */
    private static final class Progress implements AugmentJob.Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private ProgressBar bar;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void stage(String name) {
            if (!quiet) {
                err.println("augment: " + name);
                err.flush();
            }
        }

        @Override
        public synchronized void pairs(long done, long total) {
            if (quiet) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("augment").setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUnit(" pairs", 1)
                        .showSpeed().setUpdateIntervalMillis(500).setConsumer(new DelegatingProgressBarConsumer(line -> {
                            err.print('\r');
                            err.print(line);
                            err.flush();
                        }, 100)).build();
            }
            bar.stepTo(done);
        }

        void close() {
            if (bar != null) {
                bar.close();
                err.println();
                err.flush();
                bar = null;
            }
        }
    }

    /** {@code unimo augment bench}: the speed figures of issue 6 on a data directory. */
    @Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Time the augmentation: the Lucene TF-IDF index of all captions, TF-IDF hard-negative retrieval, and the whole job.",
                "On the captions of --in (all splits by default; a world made with 'unimo generate-world --images 20000 --feature-dim 64' "
                    + "has 100,000): (1) builds the classic TF-IDF Lucene index of every caption; (2) runs the tfidf-negative rewriter "
                    + "(retrieve the most similar captions of other images, keep those the image's graph does not back) on every caption "
                    + "on --threads threads; (3) runs the whole job with every rewriter into a temporary directory, deleted afterwards. "
                    + "Targets: index <= 10 s, retrieval >= 2,000 captions/s, job >= 2,000 pairs/s; exits 1 when one is missed. "
                    + "Run it under 'flock /tmp/unimo-bench.lock' so no other benchmark runs at the same time."},
            footer = {"", "Example:", "  flock /tmp/unimo-bench.lock bin/unimo augment bench --in data/world-20k"})
    static final class Bench implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RunOptions run;

        @Option(names = "--in", required = true, paramLabel = "DIR", description = "Data directory in the world's layout.")
        Path in;

        @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "all", description = "Captions to use (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of cores).")
        Integer threads;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "1", description = "Timed runs of each step (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() {
            if (runs < 1) {
                throw new UsageError("--runs must be at least 1");
            }
            int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            PrintWriter out = spec.commandLine().getOut();
            List<AugmentBenchmark.Step> steps;
            try {
                steps = AugmentBenchmark.run(in, split, t, runs, line -> {
                    out.println(line);
                    out.flush();
                });
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            boolean met = steps.stream().allMatch(AugmentBenchmark.Step::met);
            out.println(met ? "augment bench: every target met" : "augment bench: a target was NOT met");
            out.flush();
            return met ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
