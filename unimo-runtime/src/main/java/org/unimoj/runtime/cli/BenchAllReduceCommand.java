package org.unimoj.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unimoj.runtime.cluster.LocalMembers;
import org.unimoj.runtime.cluster.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo bench allreduce}: a cluster run of N local member JVMs on loopback, its bytes and all-reduce time per step. */
@Command(name = "allreduce", mixinStandardHelpOptions = true,
        description = {"Start N cluster members as local JVMs on 127.0.0.1 (unimo pretrain --cluster with --config, the quickstart by",
            "default), train, and report per step: payload bytes each member sends in the ring all-reduce, the all-reduce time",
            "(per step the smallest over members: the last member to finish computing waits for nobody) and the compute time",
            "(per step the largest over members). Medians over the timed steps. Run it under 'flock /tmp/unimo-bench.lock'."})
final class BenchAllReduceCommand implements Callable<Integer> {

    @Option(names = "--members", paramLabel = "N", defaultValue = "2", description = "Member JVMs (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "examples/quickstart.conf",
            description = "The run's configuration: model, data and batch per member (default: ${DEFAULT-VALUE}; its data must exist).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting of the members (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--bucket-floats", paramLabel = "N", defaultValue = "32768", description = "Floats per all-reduce message (default: ${DEFAULT-VALUE}).")
    int bucket;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where the members write (default: a new temporary directory).")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (members < 1 || steps < 1 || warmup < 0) {
            throw new UsageError("--members and --steps must be at least 1, --warmup at least 0");
        }
        if (!Files.isRegularFile(config)) {
            throw new UsageError("--config " + config + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = runDir != null ? runDir : Files.createTempDirectory("unimo-bench-allreduce");
        List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--trainers", Integer.toString(members),
                "--max-steps", Integer.toString(steps + warmup), "--bucket-floats", Integer.toString(bucket), "--run-timeout", "900"));
        for (String s : sets) {
            args.addAll(List.of("--set", s));
        }
        out.printf("starting %d members on 127.0.0.1 (run dir %s)%n", members, dir);
        out.flush();
        try (LocalMembers m = new LocalMembers(members, System.getProperty("java.class.path"), dir, args)) {
            int[] codes = m.await(960);
            for (int i = 0; i < members; i++) {
                if (codes[i] != 0) {
                    throw new IllegalStateException("member " + m.ports().get(i) + " exited with " + codes[i] + "; see " + m.log(m.ports().get(i)));
                }
            }
            int total = steps + warmup;
            double[] reduce = new double[total];
            double[] compute = new double[total];
            double[] bytes = new double[total];
            Arrays.fill(reduce, Double.MAX_VALUE);
            for (int port : m.ports()) {
                List<String> lines = Files.readAllLines(RunRecords.memberDir(dir, port).resolve(RunRecords.TIMINGS));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t");
                    int s = Integer.parseInt(f[0]);
                    compute[s] = Math.max(compute[s], Double.parseDouble(f[2]));
                    reduce[s] = Math.min(reduce[s], Double.parseDouble(f[3]));
                    bytes[s] += Double.parseDouble(f[4]) / members;
                }
            }
            double[] r = Arrays.copyOfRange(reduce, warmup, total);
            double[] c = Arrays.copyOfRange(compute, warmup, total);
            double[] b = Arrays.copyOfRange(bytes, warmup, total);
            long parameters = parameters(m.log(m.ports().get(0)));
            double vectorBytes = 4.0 * (parameters + 5);
            out.printf(Locale.ROOT, "members %d | parameters %,d (%,.0f B as fp32) | sent per member per step %,.0f B (2(n-1)/n x vector = %,.0f B + headers)"
                    + " | all-reduce median %.1f ms (p90 %.1f) | compute median %.1f ms%n",
                    members, parameters, vectorBytes, median(b), 2.0 * (members - 1) / members * vectorBytes, median(r), quantile(r, 0.9),
                    median(c));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The parameter count a member printed as it started. */
    private static long parameters(Path log) throws java.io.IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+) parameters").matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException(log + ": the member did not print its parameter count");
        }
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
    }
}
