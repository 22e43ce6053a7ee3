package org.unimoj.runtime.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The layout of a fine-tuning run directory ({@code --out}):
 * <pre>
 * ckpt/           the task checkpoint (TaskCheckpoint layout), the tokenizer files, finetune.json
 * results/        each evaluated split's results file, in the task's official format
 * metrics.jsonl   one line per logged step and per validation
 * metrics.json    the final figures per split, the baseline's, the settings and the timings
 * </pre>
 */
public final class RunFiles {

    public static final String CHECKPOINT = "ckpt";
    public static final String RESULTS = "results";
    public static final String LOG = "metrics.jsonl";
    public static final String METRICS = "metrics.json";
    /** In the checkpoint directory: which task, from which pre-trained checkpoint, with which settings. */
    public static final String RUN_RECORD = "finetune.json";

    private static final List<String> TOKENIZER_FILES = List.of("vocab.json", "merges.txt", "tokenizer.json");

    private RunFiles() {}

    /** Copies the tokenizer files of {@code from} that exist into {@code to}, so the checkpoint carries its tokenizer. */
    public static void copyTokenizer(Path from, Path to) {
        try {
            for (String f : TOKENIZER_FILES) {
                Path src = from.resolve(f);
                if (Files.isRegularFile(src)) {
                    Files.copy(src, to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the tokenizer from " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** The task a fine-tuned checkpoint was trained for ({@code finetune.json}), if it says. */
    public static Optional<String> recordedTask(Path checkpoint) {
        Path f = checkpoint.resolve(RUN_RECORD);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(f.toFile());
            JsonNode t = n == null ? null : n.get("task");
            return t == null || !t.isTextual() ? Optional.empty() : Optional.of(t.asText());
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": not valid JSON (" + e.getMessage() + ")");
        }
    }
}
