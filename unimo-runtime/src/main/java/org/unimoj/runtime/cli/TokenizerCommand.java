package org.unimoj.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.unimoj.model.tokenizer.BpeVocabulary;
import org.unimoj.model.tokenizer.ByteLevelBpeTokenizer;
import org.unimoj.model.tokenizer.TokenizerFiles;
import org.unimoj.model.tokenizer.train.BpeTrainer;
import org.unimoj.model.tokenizer.train.TrainerSettings;
import org.unimoj.model.tokenizer.train.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code unimo tokenizer ...}: train a byte-level BPE vocabulary, or encode and decode text with one. */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = "Train a byte-level BPE vocabulary (RoBERTa's layout), or encode and decode text with one.",
        subcommands = {TokenizerCommand.Train.class, TokenizerCommand.Encode.class, TokenizerCommand.Decode.class})
final class TokenizerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (train, encode, decode)");
    }

    static ByteLevelBpeTokenizer load(Path dir) {
        if (!Files.exists(dir)) {
            throw new UsageError("--tokenizer " + dir + ": no such directory or file");
        }
        return ByteLevelBpeTokenizer.load(dir);
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Learn a byte-level BPE vocabulary from UTF-8 text files and write vocab.json + merges.txt.",
                "The corpus is streamed (files of any size). Ids: <s>=0, <pad>=1, </s>=2, <unk>=3, the 256 bytes,",
                "the merges in the order learned, <mask> last. The same corpus and size always give the same files."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "UTF-8 text file to learn from (repeatable; read in order).")
        List<Path> corpus = new ArrayList<>();

        @Option(names = "--vocab-size", required = true, paramLabel = "N", description = "Entries in the vocabulary, specials and bytes included (at least 261).")
        int vocabSize;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write vocab.json and merges.txt into (created if needed).")
        Path out;

        @Option(names = "--min-frequency", defaultValue = "2", paramLabel = "N",
                description = "Never merge a pair seen fewer times (default: ${DEFAULT-VALUE}).")
        int minFrequency;

        @Option(names = "--max-distinct-words", defaultValue = "8000000", paramLabel = "N",
                description = "Distinct words kept while counting; past it the rarest are dropped, bounding memory (default: ${DEFAULT-VALUE}).")
        int maxDistinctWords;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            for (Path p : corpus) {
                if (!Files.isRegularFile(p)) {
                    throw new UsageError("--corpus " + p + ": no such file");
                }
            }
            TrainerSettings settings;
            try {
                settings = new TrainerSettings(vocabSize, minFrequency, maxDistinctWords);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            PrintWriter err = spec.commandLine().getErr();
            long t0 = System.nanoTime();
            BpeTrainer.Result r = new BpeTrainer(settings).train(corpus, new Progress(err, t0));
            BpeVocabulary v = r.vocabulary();
            TokenizerFiles.write(v, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %s and %s in %s: %d entries (4 specials, 256 bytes, %d merges, <mask>=%d)%n",
                    TokenizerFiles.VOCAB_JSON, TokenizerFiles.MERGES_TXT, out, v.size(), v.merges().size(), v.specials().mask());
            o.printf(Locale.ROOT, "from %d words (%d distinct%s) in %.2f s%n", r.words(), r.distinctWords(),
                    r.pruneFloor() > 1 ? ", words seen fewer than " + r.pruneFloor() + " times dropped to bound memory" : "", seconds);
            o.flush();
            if (!r.reachedSize()) {
                err.printf(Locale.ROOT, "unimo tokenizer train: warning: only %d of the %d entries asked for: no pair left that occurs at least %d times%n",
                        v.size(), vocabSize, minFrequency);
                err.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** One progress line a second at most, to stderr. */
    private static final class Progress implements TrainingProgress {
        private final PrintWriter err;
        private final long start;
        private long last;

        Progress(PrintWriter err, long start) {
            this.err = err;
            this.start = start;
            this.last = start;
        }

        private boolean due() {
            long now = System.nanoTime();
            if (now - last < 1_000_000_000L) {
                return false;
            }
            last = now;
            return true;
        }

        @Override
        public void reading(long bytesRead, long totalBytes, int distinctWords) {
            if (due()) {
                err.printf(Locale.ROOT, "  counting words: %.0f of %.0f MB read, %d distinct (%.0f s)%n",
                        bytesRead / 1e6, totalBytes / 1e6, distinctWords, (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }

        @Override
        public void merging(int entries, int target) {
            if (due()) {
                err.printf(Locale.ROOT, "  merging: %d of %d entries (%.0f s)%n", entries, target, (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = {"Encode text to ids, one line of space-separated ids per text.",
                "The texts: each TEXT argument, else each line of --file, else each line of standard input.",
                "Text is plain text: \"<mask>\" in it is not the mask token."})
    static final class Encode implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true, paramLabel = "DIR",
                description = "Directory with vocab.json + merges.txt, or with (or naming) a Hugging Face tokenizer.json.")
        Path tokenizer;

        @Option(names = "--file", paramLabel = "FILE", description = "Encode each line of this UTF-8 file.")
        Path file;

        @Option(names = "--special", description = "Wrap each text as <s> text </s> (RoBERTa's [CLS] ... [SEP]).")
        boolean special;

        @Option(names = "--max-length", defaultValue = "512", paramLabel = "N",
                description = "With --special: at most N ids in all, the text cut to fit (default: ${DEFAULT-VALUE}).")
        int maxLength;

        @Option(names = "--pieces", description = "Print the token strings (GPT-2's byte alphabet: Ġ is a space) instead of ids.")
        boolean pieces;

        @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to encode.")
        List<String> texts = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (file != null && !texts.isEmpty()) {
                throw new UsageError("give TEXT arguments or --file, not both");
            }
            ByteLevelBpeTokenizer t = load(tokenizer);
            PrintWriter o = spec.commandLine().getOut();
            for (String text : inputs(file, texts)) {
                int[] ids = special ? t.encodeSingle(text, maxLength) : t.encode(text);
                o.println(pieces ? String.join(" ", t.tokens(ids))
                        : java.util.Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
            }
            o.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"Decode ids to text, one line per input.",
                "The inputs: each IDS argument (space-separated ids in one argument), else each line of standard input.",
                "Special tokens are dropped."})
    static final class Decode implements Callable<Integer> {
        @Option(names = "--tokenizer", required = true, paramLabel = "DIR",
                description = "Directory with vocab.json + merges.txt, or with (or naming) a Hugging Face tokenizer.json.")
        Path tokenizer;

        @Parameters(paramLabel = "IDS", arity = "0..*", description = "Ids to decode, e.g. \"464 3290\".")
        List<String> lines = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ByteLevelBpeTokenizer t = load(tokenizer);
            PrintWriter o = spec.commandLine().getOut();
            int n = 0;
            for (String line : inputs(null, lines)) {
                n++;
                String[] parts = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
                int[] ids = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        ids[i] = Integer.parseInt(parts[i]);
                    } catch (NumberFormatException e) {
                        throw new UsageError("input " + n + ", id " + (i + 1) + ": not an integer: " + parts[i]);
                    }
                }
                try {
                    o.println(t.decode(ids));
                } catch (IllegalArgumentException e) {
                    throw new UsageError("input " + n + ": " + e.getMessage());
                }
            }
            o.flush();
            return ExitCodes.OK;
        }
    }

    /** The arguments, else the lines of {@code file}, else the lines of standard input. */
    private static List<String> inputs(Path file, List<String> args) {
        if (!args.isEmpty()) {
            return args;
        }
        try {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new UsageError("--file " + file + ": no such file");
                }
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw new UsageError("--file " + file + ": not valid UTF-8");
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException((file == null ? "standard input" : file.toString()) + ": " + e.getMessage(), e);
        }
    }
}
