package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo bench}: Benchmarks: the training step against the PyTorch reference, and more. Not available until issue #3 lands; says so and exits 3. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: the training step against the PyTorch reference, and more.", "Not available yet: lands with issue #3."})
final class BenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the training benchmark", 3);
    }
}
