package org.unimoj.plugins.coqa;

import java.util.Optional;
import org.unimoj.api.task.TaskContext;

/**
 * The task's settings ({@code unimo.task.coqa.KEY}); a key given for the subtask
 * ({@code unimo.task.coqa.SUBTASK.KEY}) wins over the plugin-wide one.
 */
final class TaskSettings {

    private final TaskContext context;
    private final String subtask;

    TaskSettings(TaskContext context, String subtask) {
        this.context = context;
        this.subtask = subtask;
    }

    private String key(String key) {
        String scoped = subtask + "." + key;
        return context.setting(scoped).isPresent() ? scoped : key;
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
