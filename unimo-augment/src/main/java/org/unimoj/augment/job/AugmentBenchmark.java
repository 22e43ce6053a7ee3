package org.unimoj.augment.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.retrieve.TextIndex;
import org.unimoj.augment.rewrite.ParsedCorpus;
import org.unimoj.augment.rewrite.TfidfNegative;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.SceneJsonlReader;
import org.unimoj.data.world.WorldLayout;

/**
 * The speed figures of the augmentation, on a data directory in the world's layout: (1) building the
 * classic TF-IDF Lucene index of every caption, (2) TF-IDF hard-negative retrieval (the tfidf-negative
 * rewriter: retrieve, parse, check against the ground-truth image graph) over every caption on all
 * threads, (3) the whole job with every rewriter, written to a temporary directory that is deleted.
 * Wall and process CPU time are measured; the load average says how busy the machine was.
 */
public final class AugmentBenchmark {

    /** Targets of issue 6. */
    public static final double INDEX_SECONDS = 10;
    public static final double RETRIEVAL_PER_SECOND = 2000;
    public static final double JOB_PER_SECOND = 2000;

    /** One timed step. */
    public record Step(String name, long items, double seconds, double cpuSeconds, String target, boolean met) {
        public double perSecond() {
            return items / seconds;
        }
    }

    private AugmentBenchmark() {}

    /** Runs the three steps {@code runs} times each, telling {@code log} as it goes; returns every step. */
    public static List<Step> run(Path in, String split, int threads, int runs, Consumer<String> log) {
        WorldLayout layout = new WorldLayout(in);
        if (!Files.isRegularFile(layout.karpathy())) {
            throw new IllegalArgumentException("--in " + in + ": no " + layout.karpathy() + " (make a world with 'unimo generate-world')");
        }
        List<String> splits = split.equals("all") ? List.of("train", "val", "test") : List.of(split);
        List<Caption> captions = new ArrayList<>();
        try (KarpathyJsonReader r = KarpathyJsonReader.open(layout.karpathy(), ReadOptions.failFast())) {
            while (r.hasNext()) {
                CaptionedImage img = r.next();
                if (splits.contains(img.split().fileName())) {
                    captions.addAll(img.captions());
                }
            }
        }
        Map<String, SceneGraph> imageGraphs = new HashMap<>();
        for (String s : splits) {
            try (SceneJsonlReader r = SceneJsonlReader.open(layout.scenes(s), ReadOptions.failFast())) {
                r.forEachRemaining(x -> imageGraphs.put(x.imageId(), ImageGraphs.fromScene(x)));
            }
        }
        log.accept(String.format("augment bench: %d captions of %s (%s), %d threads; JVM %s, %d cores, max heap %d MB, load average %.2f",
                captions.size(), in, split, threads, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        CaptionParser parser = CaptionParser.standard();
        List<String> ids = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Caption c : captions) {
            ids.add(c.id());
            images.add(c.imageId());
            texts.add(c.text());
        }
        ParsedCorpus parsed = ParsedCorpus.parse(captions, parser);
        List<SceneGraph> graphs = parsed.graphs();
        List<Step> steps = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int run = 1; run <= runs; run++) {
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                TextIndex index = TextIndex.build(ids, images, texts, TextIndex.Scoring.TFIDF);
                double s = (System.nanoTime() - t0) / 1e9;
                steps.add(log(log, new Step("Lucene TF-IDF index of " + captions.size() + " captions (run " + run + ")", captions.size(), s,
                        (cpu() - cpu0) / 1e9, "<= " + (int) INDEX_SECONDS + " s", s <= INDEX_SECONDS)));

                Rewriter tfidf = TfidfNegative.over(index, parsed, parser, 10, 2);
                AtomicLong negatives = new AtomicLong();
                cpu0 = cpu();
                t0 = System.nanoTime();
                inPool(pool, () -> IntStream.range(0, captions.size()).parallel().forEach(i -> {
                    Caption c = captions.get(i);
                    RewriteRequest req = new RewriteRequest(c, graphs.get(i), imageGraphs.get(c.imageId()));
                    negatives.addAndGet(tfidf.rewrite(req, new SplittableRandom(i)).size());
                }));
                s = (System.nanoTime() - t0) / 1e9;
                steps.add(log(log, new Step("TF-IDF hard-negative retrieval (run " + run + ", " + negatives.get() + " negatives kept)", captions.size(),
                        s, (cpu() - cpu0) / 1e9, ">= " + (int) RETRIEVAL_PER_SECOND + " captions/s", captions.size() / s >= RETRIEVAL_PER_SECOND)));
                index.close();

                Path out = Files.createTempDirectory("unimo-augment-bench");
                try {
                    AugmentOptions o = AugmentOptions.defaults(in, out).withCaptions(null, split).withThreads(threads).withOut(out, true);
                    cpu0 = cpu();
                    AugmentSummary summary = new AugmentJob(o, AugmentJob.Progress.NONE).run();
                    double total = summary.seconds().get("total");
                    steps.add(log(log, new Step("whole job, every rewriter, related images and texts (run " + run + ")", summary.pairs(), total,
                            (cpu() - cpu0) / 1e9, ">= " + (int) JOB_PER_SECOND + " pairs/s", summary.pairs() / total >= JOB_PER_SECOND)));
                    StringBuilder stages = new StringBuilder("    stages:");
                    summary.seconds().forEach((k, v) -> {
                        if (!k.startsWith("create ") || v > 0.05) {
                            stages.append(String.format(" %s %.2f s;", k, v));
                        }
                    });
                    log.accept(stages.toString());
                } finally {
                    delete(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
        return steps;
    }

    private static Step log(Consumer<String> log, Step s) {
        log.accept(String.format("  %-78s %8.2f s  %9.0f /s  (CPU %.2f s)  target %s: %s", s.name(), s.seconds(), s.perSecond(), s.cpuSeconds(),
                s.target(), s.met() ? "met" : "NOT met"));
        return s;
    }

    private static void inPool(ForkJoinPool pool, Runnable r) {
        try {
            pool.submit(r).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException x ? x : new IllegalStateException(e.getCause());
        }
    }

    /** CPU time of this JVM, all threads; -1 if unavailable. */
    private static long cpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
