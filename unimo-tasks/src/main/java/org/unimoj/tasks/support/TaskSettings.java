package org.unimoj.tasks.support;

import java.util.Optional;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.TaskContext;

/**
 * A task's settings ({@code unimo.task.ID.KEY}, as its {@link TaskContext} hands them over); a key
 * given for the subtask ({@code unimo.task.ID.SUBTASK.KEY}) wins over the plugin-wide one, and a
 * bad value fails with the key's name.
 */
public final class TaskSettings {

    private final TaskContext context;
    private final String subtask;

    public TaskSettings(TaskContext context, String subtask) {
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
    public int textLength(int min) {
        int model = context.intSetting(ContextKeys.MODEL_MAX_TEXT_LENGTH, 128);
        return integer("max_text_length", model, min);
    }

    public Optional<String> string(String key) {
        return context.setting(key(key));
    }

    public int integer(String key, int defaultValue, int min) {
        int v = context.intSetting(key(key), defaultValue);
        if (v < min) {
            throw new IllegalArgumentException("task setting '" + key(key) + "': must be at least " + min + ", got " + v);
        }
        return v;
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        double v = context.doubleSetting(key(key), defaultValue);
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("task setting '" + key(key) + "': must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }
}
