package org.unimoj.runtime.cli;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.unimoj.model.tokenizer.BpeVocabulary;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.SpecialTokens;
import org.unimoj.model.tokenizer.sample.VariedText;
import org.unimoj.model.tokenizer.tiktoken.TiktokenRanks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code unimo bench tokenizer}: our byte-level BPE against jtokkit's {@code r50k_base} on the
 * same text, with the same GPT-2 vocabulary (ours converted from jtokkit's own rank table), in one
 * JVM, on one thread, warmed up, rounds alternating between the two.
 */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = {"Encode the same text with this tokenizer and with jtokkit r50k_base (GPT-2); print both throughputs and the ratio.",
            "The default text is at least 10 MB of Flickr8k captions mixed with generated code, CJK, emoji, numbers and "
                + "whitespace runs. Both tokenizers use GPT-2's vocabulary and must give the same ids (checked first); one thread, "
                + "warm-up rounds, then measured rounds alternating between them; the median is reported. Run it alone "
                + "(e.g. under flock /tmp/unimo-bench.lock) for figures worth quoting."})
final class BenchTokenizerCommand implements Callable<Integer> {

    @Option(names = "--mb", defaultValue = "10", paramLabel = "MB", description = "Size of the generated text in MB of UTF-8 (default: ${DEFAULT-VALUE}).")
    double megabytes;

    @Option(names = "--text", paramLabel = "FILE", description = "Benchmark this UTF-8 file instead of generated text.")
    Path textFile;

    @Option(names = "--captions", paramLabel = "FILE",
            description = "Flickr8k.token.txt whose captions go into the generated text (default: ../shared/data/flickr8k/ beside the project).")
    Path captions;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated text (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N", description = "Unmeasured rounds per tokenizer first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "7", paramLabel = "N", description = "Measured rounds per tokenizer (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--unit", defaultValue = "text", paramLabel = "text|line",
            description = "Encode the whole text in one call per round (text), or line by line (line) (default: ${DEFAULT-VALUE}).")
    String unit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!unit.equals("text") && !unit.equals("line")) {
            throw new UsageError("--unit must be text or line, got " + unit);
        }
        if (rounds < 1 || warmup < 0) {
            throw new UsageError("--rounds must be at least 1 and --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        String text = loadText(out);
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        List<String> units = unit.equals("text") ? List.of(text) : Arrays.asList(text.split("\n", -1));

        BpeVocabulary gpt2;
        try (InputStream in = Encoding.class.getResourceAsStream("/com/knuddels/jtokkit/r50k_base.tiktoken")) {
            if (in == null) {
                throw new IllegalStateException("jtokkit's r50k_base.tiktoken is not on the class path");
            }
            gpt2 = TiktokenRanks.toVocabulary(in, "jtokkit r50k_base.tiktoken", Map.of(SpecialTokens.GPT2_END_OF_TEXT, 50256));
        }
        ByteLevelBpeTokenizer ours = ByteLevelBpeTokenizer.of(gpt2);
        ByteLevelBpeTokenizer oursNoCache = ByteLevelBpeTokenizer.of(gpt2, false, 0);
        Encoding jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);

        long ids = 0;
        for (String u : units) {
            int[] a = ours.encode(u);
            if (!Arrays.equals(a, jtokkit.encodeOrdinary(u).toArray())) {
                throw new IllegalStateException("this tokenizer and jtokkit give different ids on the benchmark text; the comparison would be void");
            }
            ids += a.length;
        }
        out.printf(Locale.ROOT, "text: %.1f MB of UTF-8, %d chars, %d %s, %d GPT-2 ids (identical from both)%n",
                bytes / 1e6, text.length(), units.size(), unit.equals("text") ? "call per round" : "lines", ids);
        out.printf(Locale.ROOT, "1 thread, %d warm-up and %d measured rounds each, alternating; java %s%n",
                warmup, rounds, System.getProperty("java.version"));
        out.flush();

        List<String> names = List.of("unimo (word cache on)", "unimo (word cache off)", "jtokkit r50k_base");
        List<ToIntFunction<String>> encoders = List.of(s -> ours.encode(s).length, s -> oursNoCache.encode(s).length,
                s -> jtokkit.encodeOrdinary(s).size());
        // Wall-clock time is the figure; the thread's CPU time is printed beside it because on a
        // shared machine it is less disturbed by other processes (it leaves out JIT and GC threads).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        double[][] wall = new double[encoders.size()][rounds];
        double[][] onCpu = new double[encoders.size()][rounds];
        for (int r = -warmup; r < rounds; r++) {
            for (int k = 0; k < encoders.size(); k++) {
                long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                long n = 0;
                for (String u : units) {
                    n += encoders.get(k).applyAsInt(u);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = cpu ? (threads.getCurrentThreadCpuTime() - c0) / 1e9 : Double.NaN;
                if (n != ids) {
                    throw new IllegalStateException(names.get(k) + " gave " + n + " ids instead of " + ids);
                }
                if (r >= 0) {
                    wall[k][r] = bytes / 1e6 / seconds;
                    onCpu[k][r] = bytes / 1e6 / cpuSeconds;
                }
            }
        }
        double[] median = new double[encoders.size()];
        double[] cpuMedian = new double[encoders.size()];
        for (int k = 0; k < encoders.size(); k++) {
            median[k] = median(wall[k]);
            cpuMedian[k] = median(onCpu[k]);
            out.printf(Locale.ROOT, "%-24s %7.2f MB/s  %8.0f ids/s   thread CPU: %6.2f MB/s   (wall MB/s by round: %s)%n",
                    names.get(k), median[k], median[k] * 1e6 / bytes * ids, cpuMedian[k], format(wall[k]));
        }
        out.printf(Locale.ROOT, "ratio unimo/jtokkit: %.2f with the word cache (%.2f on thread CPU time), %.2f without it (%.2f)%n",
                median[0] / median[2], cpuMedian[0] / cpuMedian[2], median[1] / median[2], cpuMedian[1] / cpuMedian[2]);
        out.flush();
        return ExitCodes.OK;
    }

    private static double median(double[] xs) {
        double[] m = xs.clone();
        Arrays.sort(m);
        return m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
    }

    private String loadText(PrintWriter out) throws IOException {
        if (textFile != null) {
            if (!Files.isRegularFile(textFile)) {
                throw new UsageError("--text " + textFile + ": no such file");
            }
            return Files.readString(textFile, StandardCharsets.UTF_8);
        }
        if (megabytes <= 0) {
            throw new UsageError("--mb must be positive, got " + megabytes);
        }
        Path file = captions != null ? captions
                : Path.of(System.getProperty("unimoj.home", ".")).resolve("../shared/data/flickr8k/Flickr8k.token.txt").normalize();
        List<String> caps = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            caps = VariedText.flickr8kCaptions(file);
        } else if (captions != null) {
            throw new UsageError("--captions " + captions + ": no such file");
        } else {
            out.println("note: " + file + " not found; the text is generated only (no real captions)");
        }
        return VariedText.generate(seed, caps, (long) (megabytes * 1e6));
    }

    private static String format(double[] xs) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", x));
        }
        return b.toString();
    }
}
