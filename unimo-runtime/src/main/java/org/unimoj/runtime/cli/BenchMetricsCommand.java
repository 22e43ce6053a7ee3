package org.unimoj.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.caption.CaptionMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code unimo bench metrics}: the COCO caption evaluation (every metric but SPICE) of 5,000 candidate
 * captions against 25,000 references built deterministically from the Flickr8k captions; prints the
 * time of each step. The first run includes loading WordNet for METEOR.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Time the caption metrics (all but SPICE) on 5,000 candidates against 25,000 references.",
            "Scores candidate captions with PTB tokenization, BLEU-1..4, METEOR, ROUGE-L and CIDEr-D and prints the time "
                + "of each step. Input, from the Flickr8k captions file: image i (file order) has its 5 captions as "
                + "references and, as candidate, caption #(i mod 5) of image i+1. The first run is cold (it loads WordNet); "
                + "later runs show the warm JVM. Target: at most 10 s for 5,000 candidates; exits 1 when a run misses it."})
final class BenchMetricsCommand implements Callable<Integer> {

    static final double TARGET_SECONDS = 10.0;

    @Option(names = "--captions", paramLabel = "FILE",
            description = "Flickr8k.token.txt (default: ../shared/data/flickr8k/Flickr8k.token.txt beside the launcher home).")
    Path captions;

    @Option(names = "--candidates", paramLabel = "N", defaultValue = "5000", description = "Number of candidates (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2", description = "Number of timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (candidates < 1 || runs < 1) {
            throw new UsageError("--candidates and --runs must be at least 1");
        }
        Path file = captions != null ? captions
                : Path.of(System.getProperty("unimoj.home", ".")).resolve("../shared/data/flickr8k/Flickr8k.token.txt").normalize();
        if (!Files.isRegularFile(file)) {
            throw new UsageError("captions file " + file + ": no such file (give --captions FILE)");
        }
        Map<String, List<String>> images = readFlickr8k(file);
        List<String> ids = new ArrayList<>(images.keySet());
        if (ids.size() < candidates + 1) {
            throw new UsageError(file + " has " + ids.size() + " images; --candidates " + candidates + " needs " + (candidates + 1));
        }
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> cands = new LinkedHashMap<>();
        int refCount = 0;
        for (int i = 0; i < candidates; i++) {
            List<String> own = images.get(ids.get(i));
            List<String> next = images.get(ids.get(i + 1));
            refs.put(ids.get(i), own);
            cands.put(ids.get(i), next.get(i % next.size()));
            refCount += own.size();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("caption metrics benchmark: %d candidates, %d references (%s)%n", cands.size(), refCount, file);
        out.printf("JVM %s, %d cores, max heap %d MB, load average %.2f (other work on the machine slows wall times)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        CaptionMetrics metrics = CaptionMetrics.standard();
        boolean met = true;
        for (int run = 1; run <= runs; run++) {
            out.printf("run %d%s%n", run, run == 1 ? " (cold: includes loading WordNet)" : "");
            out.flush();
            Map<String, Double> times = new LinkedHashMap<>();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Scores s = metrics.evaluate(refs, cands, (name, took) -> {
                times.put(name, secondsOf(took));
                out.printf("  %-17s %7.3f s%n", name, secondsOf(took));
                out.flush();
            });
            double total = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            out.printf("  %-17s %7.3f s  (target <= %.0f s: %s; process CPU %.3f s)%n", "total", total, TARGET_SECONDS,
                    total <= TARGET_SECONDS ? "met" : "NOT met", cpu);
            met &= total <= TARGET_SECONDS;
            if (run == runs) {
                out.print("  scores:");
                s.values().forEach((k, v) -> out.printf(" %s=%.4f", k, v));
                out.println();
            }
        }
        out.flush();
        return met ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** CPU time of this JVM, all threads (WordNet loading, parallel scoring); -1 if unavailable. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double secondsOf(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** {@code <image>#<n><TAB or space><caption>} lines; image to captions in file order. */
    static Map<String, List<String>> readFlickr8k(Path file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int hash = line.indexOf('#');
                int sep = hash < 0 ? -1 : indexOfWhitespace(line, hash);
                if (hash <= 0 || sep < 0) {
                    throw new UsageError(file + ":" + lineNo + ": expected '<image>#<n> <caption>'");
                }
                out.computeIfAbsent(line.substring(0, hash), k -> new ArrayList<>()).add(line.substring(sep + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static int indexOfWhitespace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\t' || s.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }
}
