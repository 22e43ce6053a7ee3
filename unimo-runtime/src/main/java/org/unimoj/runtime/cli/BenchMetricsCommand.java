package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo bench metrics}: Score captions with every caption metric but SPICE; prints the time per metric. Not available until issue #7 lands; says so and exits 3. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Score captions with every caption metric but SPICE; prints the time per metric.", "Not available yet: lands with issue #7."})
final class BenchMetricsCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the caption-metrics benchmark", 7);
    }
}
