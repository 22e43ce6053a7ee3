package org.unimoj.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code unimo bench tokenizer}: Encode the same text with this tokenizer and with jtokkit; prints both throughputs and the ratio. Not available until issue #4 lands; says so and exits 3. */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = {"Encode the same text with this tokenizer and with jtokkit; prints both throughputs and the ratio.", "Not available yet: lands with issue #4."})
final class BenchTokenizerCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() {
        throw new NotAvailable("the tokenizer benchmark", 4);
    }
}
