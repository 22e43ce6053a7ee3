package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo evaluate}: Score predictions or a checkpoint with a task's metrics (captions, VQA, ...). Not available until issue #7 lands; says so and exits 3. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score predictions or a checkpoint with a task's metrics (captions, VQA, ...).", "Not available yet: lands with issue #7."})
final class EvaluateCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("evaluation", 7);
    }
}
