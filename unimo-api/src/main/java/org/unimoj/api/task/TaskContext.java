package org.unimoj.api.task;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.text.TextEncoder;

/**
 * What the runtime gives a task when it opens it.
 *
 * @param dataDir     where the task's files are ({@code --data})
 * @param workDir     where the task may write caches, quarantine files and results
 * @param text        the tokenizer of the model being fine-tuned
 * @param settings    task settings from configuration ({@code unimo.task.<id>.*}, keys without that prefix)
 * @param readPolicy  what readers do with bad records
 * @param seed        the run's seed, for anything random a task does (sampling negatives, ...)
 */
public record TaskContext(Path dataDir, Path workDir, TextEncoder text, Map<String, String> settings,
                          ReadPolicy readPolicy, long seed) {
    public TaskContext {
        settings = Map.copyOf(settings);
    }

    /** A setting, if configured. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** An integer setting, or {@code defaultValue}; a malformed value is an error naming the key. */
    public int intSetting(String key, int defaultValue) {
        String v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task setting '" + key + "': expected an integer, got '" + v + "'");
        }
    }

    /** A decimal setting, or {@code defaultValue}; a malformed value is an error naming the key. */
    public double doubleSetting(String key, double defaultValue) {
        String v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task setting '" + key + "': expected a number, got '" + v + "'");
        }
    }
}
