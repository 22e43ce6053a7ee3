package org.unimoj.plugins.qg;

import java.util.Optional;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.TaskContext;

/**
 * The task's settings ({@code unimo.task.question-generation.KEY}); a key given for the subtask
 * ({@code unimo.task.question-generation.SUBTASK.KEY}) wins over the plugin-wide one.
 */
final class TaskSettings {

    private final TaskContext context;
    private final String subtask;

    TaskSettings(TaskContext context, String subtask) {
        this.context = context;
        this.subtask = subtask;
    }

    private String key(String key) {
        // The launcher's settings are spelled with hyphens (unimo.task.vqa.beam-size); the reference
        // code's flags with underscores. Either spelling is accepted, the subtask's key first.
        String hyphen = key.replace('_', '-');
        for (String k : new String[] {subtask + "." + key, subtask + "." + hyphen, key, hyphen}) {
            if (context.setting(k).isPresent()) {
                return k;
            }
        }
        return key;
    }

    /**
     * The most text ids one input may have: {@code max_text_length} if set, else the model's own
     * limit the runtime passes under {@link ContextKeys#MODEL_MAX_TEXT_LENGTH}, else 128.
     */
    int textLength(int min) {
        int model = context.intSetting(ContextKeys.MODEL_MAX_TEXT_LENGTH, 128);
        return integer("max_text_length", model, min);
    }

    Optional<String> string(String key) {
        return context.setting(key(key));
    }

    int integer(String key, int defaultValue, int min) {
        int v = context.intSetting(key(key), defaultValue);
        if (v < min) {
            throw new IllegalArgumentException("task setting '" + key(key) + "': must be at least " + min + ", got " + v);
        }
        return v;
    }

    double decimal(String key, double defaultValue, double min, double max) {
        double v = context.doubleSetting(key(key), defaultValue);
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("task setting '" + key(key) + "': must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
