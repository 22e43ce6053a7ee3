package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo tokenizer}: Train a byte-level BPE vocabulary, or encode text with one. Not available until issue #4 lands; says so and exits 3. */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = {"Train a byte-level BPE vocabulary, or encode text with one.", "Not available yet: lands with issue #4."})
final class TokenizerCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the byte-level BPE tokenizer", 4);
    }
}
