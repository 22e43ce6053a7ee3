package org.unimoj.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unimoj.model.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unimo bench train}: the model and training step of ../shared/bench/torch_reference.py on
 * this engine, printed in that script's one-line form.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Times training steps of the model of ../shared/bench/torch_reference.py (same sizes, losses and "
            + "optimizer: MLM + MRM + in-batch CMCL, AdamW) and prints examples/s and tokens/s in that script's one-line form.",
            "Run it and the PyTorch script one after the other (e.g. under 'flock /tmp/unimo-bench.lock') and compare examples_per_s."})
final class BenchTrainCommand implements Callable<Integer> {

    private static final TrainBenchmark.Settings D = TrainBenchmark.Settings.defaults();

    @Option(names = "--layers", description = "Transformer layers (default: ${DEFAULT-VALUE}).")
    int layers = D.layers();

    @Option(names = "--hidden", description = "Hidden size (default: ${DEFAULT-VALUE}).")
    int hidden = D.hidden();

    @Option(names = "--heads", description = "Attention heads (default: ${DEFAULT-VALUE}).")
    int heads = D.heads();

    @Option(names = "--vocab", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab = D.vocab();

    @Option(names = "--text-len", description = "Text tokens per example (default: ${DEFAULT-VALUE}).")
    int textLength = D.textLength();

    @Option(names = "--regions", description = "Regions per image, without [IMG] (default: ${DEFAULT-VALUE}).")
    int regions = D.regions();

    @Option(names = "--feat-dim", description = "Region feature length (default: ${DEFAULT-VALUE}).")
    int featureDim = D.featureDim();

    @Option(names = "--batch", description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batch = D.batch();

    @Option(names = "--warmup", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup = D.warmup();

    @Option(names = "--steps", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int steps = D.steps();

    @Option(names = "--threads", description = "Cores to use, as PyTorch's --threads: this many data-parallel shards of "
        + "the batch, one thread per op each (default: ${DEFAULT-VALUE}).")
    int threads = D.threads();

    @Option(names = "--quiet", description = "No per-step progress on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (int[] v : new int[][] {{layers}, {hidden}, {heads}, {vocab}, {batch}, {featureDim}}) {
            if (v[0] < 1) {
                throw new UsageError("sizes must be positive (--layers, --hidden, --heads, --vocab, --batch, --feat-dim)");
            }
        }
        if (textLength < 1 || regions < 1 || steps < 1 || threads < 1 || warmup < 0) {
            throw new UsageError("--text-len, --regions, --steps and --threads must be >= 1; --warmup >= 0");
        }
        if (hidden % heads != 0) {
            throw new UsageError("--hidden " + hidden + " is not a multiple of --heads " + heads);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainBenchmark.Settings s = new TrainBenchmark.Settings(layers, hidden, heads, vocab, textLength, regions, featureDim,
                batch, warmup, steps, threads);
        TrainBenchmark.Result r = TrainBenchmark.run(s, line -> {
            if (!quiet) {
                err.println(line);
                err.flush();
            }
        });
        out.println(r.line());
        return ExitCodes.OK;
    }
}
