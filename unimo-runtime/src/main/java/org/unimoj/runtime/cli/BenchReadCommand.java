package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo bench read}: Read a bottom-up-attention feature TSV; prints MB/s and records/s. Not available until issue #5 lands; says so and exits 3. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a bottom-up-attention feature TSV; prints MB/s and records/s.", "Not available yet: lands with issue #5."})
final class BenchReadCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the feature-reading benchmark", 5);
    }
}
