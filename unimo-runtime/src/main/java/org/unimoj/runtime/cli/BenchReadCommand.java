package org.unimoj.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unimo bench read}: streams a region-feature TSV through the validating reader on one
 * thread and prints MB/s, records/s and the heap it used; optionally the same file through the
 * usual Python reader (LXMERT's load_obj_tsv: csv + base64 + numpy) as the named peer.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a bottom-up-attention feature TSV on one thread with full validation; prints MB/s, records/s and the heap used.",
            "Run it under a small heap to check the memory bound, e.g. UNIMO_JAVA_OPTS=-Xmx256m bin/unimo bench read FILE."},
        footer = {"", "Example: bin/unimo bench read data/world/features/train.tsv --peer"})
final class BenchReadCommand implements Callable<Integer> {

    /** LXMERT's reader (lxrt/utils.py load_obj_tsv), reduced to what is timed: parse every field, decode every array. */
    static final String PYTHON_PEER = String.join("\n",
            "import sys, csv, base64, time, os",
            "import numpy as np",
            "csv.field_size_limit(sys.maxsize)",
            "path = sys.argv[1]",
            "t0 = time.time(); n = 0; boxes = 0",
            "with open(path) as f:",
            "    for item in csv.reader(f, delimiter='\\t'):",
            "        num = int(item[3]); w = int(item[1]); h = int(item[2])",
            "        b = np.frombuffer(base64.b64decode(item[4]), dtype=np.float32).reshape(num, 4)",
            "        x = np.frombuffer(base64.b64decode(item[5]), dtype=np.float32).reshape(num, -1)",
            "        if len(item) > 6:",
            "            p = np.frombuffer(base64.b64decode(item[6]), dtype=np.float32).reshape(num, -1)",
            "        n += 1; boxes += num",
            "dt = time.time() - t0",
            "mb = os.path.getsize(path) / 1e6",
            "print('%.3f %d %d %.1f' % (dt, n, boxes, mb))");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The feature TSV to read (e.g. data/world/features/train.tsv).")
    Path file;

    @Option(names = "--repeat", paramLabel = "N", description = "Read the file N times and report each pass (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    int repeat;

    @Option(names = "--shard", paramLabel = "I/N", description = "Read only shard I of N.")
    String shard;

    @Option(names = "--skip-bad", paramLabel = "QUARANTINE", description = "Quarantine bad records to this file instead of failing.")
    Path quarantine;

    @Option(names = "--peer", description = "Also time the same file with the usual Python reader (csv + base64 + numpy, as LXMERT's load_obj_tsv).")
    boolean peer;

    @Option(names = "--python", paramLabel = "EXE", description = "Python for --peer (default: ${DEFAULT-VALUE}).", defaultValue = "/usr/bin/python3")
    String python;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UsageError(file + ": no such file");
        }
        if (repeat < 1) {
            throw new UsageError("--repeat must be at least 1");
        }
        Shard s;
        try {
            s = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        long size = Files.size(file);
        Runtime rt = Runtime.getRuntime();
        out.printf("bench read: %s, %.1f MB, max heap %d MB, one thread, full validation%n", file, size / 1e6, rt.maxMemory() >> 20);
        out.flush();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        double best = 0;
        for (int pass = 1; pass <= repeat; pass++) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            long records = 0, regions = 0;
            double checksum = 0;
            ReadOptions options;
            Quarantine q = quarantine == null ? null : Quarantine.toFile(quarantine);
            options = q == null ? ReadOptions.failFast() : ReadOptions.skipTo(q);
            String counts;
            try (FeatureTsvReader r = FeatureTsvReader.open(file, options.withShard(s))) {
                while (r.hasNext()) {
                    RegionFeatures f = r.next();
                    records++;
                    regions += f.numBoxes();
                    checksum += f.features()[0] + f.boxes()[3];
                }
                counts = r.counts().toString();
            } finally {
                if (q != null) {
                    q.close();
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double mbps = size / 1e6 / sec;
            best = Math.max(best, mbps);
            out.printf("pass %d: %.2f s, %.1f MB/s, %.0f records/s, %.0f regions/s; peak heap used %d MB; %s (checksum %.3f)%n",
                    pass, sec, mbps, records / sec, regions / sec, peak >> 20, counts, checksum);
            out.flush();
        }
        out.printf("best: %.1f MB/s%n", best);
        if (peer) {
            runPeer(out, best);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void runPeer(PrintWriter out, double javaBest) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "-c", PYTHON_PEER, file.toString()).redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        int code = p.waitFor();
        String[] f = text.split("\\s+");
        if (code != 0 || f.length != 4) {
            out.println("peer (python csv + base64 + numpy): failed: " + text);
            return;
        }
        double sec = Double.parseDouble(f[0]), mb = Double.parseDouble(f[3]);
        long records = Long.parseLong(f[1]);
        out.printf("peer (python csv + base64 + numpy, LXMERT's load_obj_tsv): %.2f s, %.1f MB/s, %.0f records/s; Java/peer = %.2f%n",
                sec, mb / sec, records / sec, javaBest / (mb / sec));
    }
}
