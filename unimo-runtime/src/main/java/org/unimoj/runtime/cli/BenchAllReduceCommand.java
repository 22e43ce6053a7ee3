package org.unimoj.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.runtime.cluster.ClusterRun;
import org.unimoj.runtime.cluster.LocalMembers;
import org.unimoj.runtime.cluster.RunRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unimo bench allreduce}: a cluster run of N local member JVMs on loopback, its bytes and all-reduce time per step. */
@Command(name = "allreduce", mixinStandardHelpOptions = true,
        description = {"Start N cluster members as local JVMs on 127.0.0.1 (unimo pretrain --cluster, the quickstart's model size by",
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

    @Option(names = "--batch-per-member", paramLabel = "N", defaultValue = "8", description = "Examples per member per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "2", description = "Encoder layers (default: ${DEFAULT-VALUE}, the quickstart's).")
    int layers;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "64", description = "Hidden size (default: ${DEFAULT-VALUE}, the quickstart's).")
    int hidden;

    @Option(names = "--vocab", paramLabel = "N", defaultValue = "1000", description = "Vocabulary (default: ${DEFAULT-VALUE}, the quickstart's).")
    int vocab;

    @Option(names = "--bucket-floats", paramLabel = "N", defaultValue = "32768", description = "Floats per all-reduce message (default: ${DEFAULT-VALUE}).")
    int bucket;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where the members write (default: a new temporary directory).")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (members < 1 || steps < 1 || warmup < 0 || batch < 1) {
            throw new UsageError("--members, --steps and --batch-per-member must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = runDir != null ? runDir : Files.createTempDirectory("unimo-bench-allreduce");
        int examples = members * batch * (steps + warmup);
        long parameters = UnimoPretrainModel.create(ClusterRun.model(layers, hidden, vocab, 64, 10, 16), DataType.FLOAT, 1).parameters().size();
        List<String> args = List.of("--trainers", Integer.toString(members), "--examples", Integer.toString(examples),
                "--batch-per-member", Integer.toString(batch), "--layers", Integer.toString(layers), "--hidden", Integer.toString(hidden),
                "--vocab", Integer.toString(vocab), "--bucket-floats", Integer.toString(bucket), "--run-timeout", "900");
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
            double vectorBytes = 4.0 * (parameters + 5);
            out.printf(Locale.ROOT, "members %d | parameters %,d (%,.0f B as fp32) | sent per member per step %,.0f B (2(n-1)/n x vector = %,.0f B + headers)"
                    + " | all-reduce median %.1f ms (p90 %.1f) | compute median %.1f ms (batch %d per member)%n",
                    members, parameters, vectorBytes, median(b), 2.0 * (members - 1) / members * vectorBytes, median(r), quantile(r, 0.9),
                    median(c), batch);
        }
        out.flush();
        return ExitCodes.OK;
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
