package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo encode}: Encode text and/or image regions with a checkpoint; print pooled and per-token vectors as JSON. Not available until issue #3 lands; says so and exits 3. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode text and/or image regions with a checkpoint; print pooled and per-token vectors as JSON.", "Not available yet: lands with issue #3."})
final class EncodeCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("encoding with a checkpoint", 3);
    }
}
