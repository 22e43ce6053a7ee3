package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo pretrain}: Pre-train a unified-modal model on text, images and image-text pairs jointly (Akka pipeline). Not available until issue #8 lands; says so and exits 3. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = {"Pre-train a unified-modal model on text, images and image-text pairs jointly (Akka pipeline).", "Not available yet: lands with issue #8."})
final class PretrainCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("pre-training", 8);
    }
}
