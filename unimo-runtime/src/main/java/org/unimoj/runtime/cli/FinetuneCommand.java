package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo finetune}: Fine-tune a pre-trained checkpoint on a downstream task plugin. Not available until issue #9 lands; says so and exits 3. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"Fine-tune a pre-trained checkpoint on a downstream task plugin.", "Not available yet: lands with issue #9."})
final class FinetuneCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("fine-tuning", 9);
    }
}
