package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo generate-world}: Generate the embedded visual world (images, captions, corpus, downstream sets) from a seed. Not available until issue #5 lands; says so and exits 3. */
@Command(name = "generate-world", mixinStandardHelpOptions = true,
        description = {"Generate the embedded visual world (images, captions, corpus, downstream sets) from a seed.", "Not available yet: lands with issue #5."})
final class GenerateWorldCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the embedded world generator", 5);
    }
}
