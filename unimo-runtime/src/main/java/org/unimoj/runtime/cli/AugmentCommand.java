package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo augment}: Rewrite captions into positives and hard negatives and retrieve related images and texts. Not available until issue #6 lands; says so and exits 3. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Rewrite captions into positives and hard negatives and retrieve related images and texts.", "Not available yet: lands with issue #6."})
final class AugmentCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the offline augmentation job", 6);
    }
}
