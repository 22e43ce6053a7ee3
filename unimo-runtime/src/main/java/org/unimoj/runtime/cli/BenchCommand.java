package org.unimoj.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code unimo bench ...}: the benchmarks behind every speed figure the project states. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks behind the project's speed figures, each against its named peer where there is one.",
        subcommands = {BenchTrainCommand.class, BenchTokenizerCommand.class, BenchReadCommand.class, BenchMetricsCommand.class, BenchAllReduceCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing benchmark (train, tokenizer, read, metrics, allreduce)");
    }
}
