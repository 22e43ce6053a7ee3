package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo bench train}: One training step of the model of ../shared/bench/torch_reference.py; prints examples/s and tokens/s. Not available until issue #3 lands; says so and exits 3. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"One training step of the model of ../shared/bench/torch_reference.py; prints examples/s and tokens/s.", "Not available yet: lands with issue #3."})
final class BenchTrainCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the training benchmark", 3);
    }
}
