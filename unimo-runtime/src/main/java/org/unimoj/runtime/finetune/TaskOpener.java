package org.unimoj.runtime.finetune;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unimoj.api.config.ConfigKeys;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.runtime.plugin.LoadedTask;
import org.unimoj.runtime.plugin.PluginRegistry;

/**
 * Opens a task of a loaded plugin: finds the plugin, builds the {@link TaskContext} (data and work
 * directories, the model's tokenizer, the task's settings {@code unimo.task.<id>.*} plus the model's
 * sizes under {@link ContextKeys}, the read policy, the seed) and calls the plugin's {@code open}.
 */
public final class TaskOpener {

    private TaskOpener() {}

    /**
     * @param model the configuration of the model the task will run on, or null (a baseline needs none)
     * @param text  the model's tokenizer, or null when no model is involved
     */
    public static OpenedTask open(PluginRegistry registry, TaskRef ref, Config cfg, Path dataDir, Path workDir, TextEncoder text,
                                  UnimoConfig model) {
        LoadedTask loaded = registry.requireTask(ref.id());
        if (!ref.subtask().isEmpty() && !loaded.info().subtasks().contains(ref.subtask())) {
            throw new IllegalArgumentException("task '" + ref.id() + "' has no subtask '" + ref.subtask() + "'"
                    + (loaded.info().subtasks().isEmpty() ? " (it has none)" : "; known: " + String.join(", ", loaded.info().subtasks())));
        }
        if (ref.subtask().isEmpty() && !loaded.info().subtasks().isEmpty()) {
            throw new IllegalArgumentException("task '" + ref.id() + "' needs a subtask: " + ref.id() + "/"
                    + String.join(", " + ref.id() + "/", loaded.info().subtasks()));
        }
        Map<String, String> settings = taskSettings(cfg, ref.id());
        if (model != null) {
            settings.put(ContextKeys.MODEL_HIDDEN, Integer.toString(model.hidden()));
            settings.put(ContextKeys.MODEL_MAX_TEXT_LENGTH, Integer.toString(model.maxTextLength()));
            settings.put(ContextKeys.MODEL_MAX_REGIONS, Integer.toString(model.maxRegions()));
            settings.put(ContextKeys.MODEL_FEATURE_DIM, Integer.toString(model.featureDim()));
        }
        TaskContext context = new TaskContext(dataDir, workDir, text, settings, readPolicy(cfg), cfg.getLong(ConfigKeys.SEED));
        Task<?> task = loaded.plugin().open(ref.subtask(), context);
        if (task == null) {
            throw new IllegalStateException("plugin " + loaded.plugin().getClass().getName() + " (" + loaded.source() + ") opened no task for " + ref);
        }
        return new OpenedTask(ref, loaded, task, context);
    }

    /** {@code unimo.task.<id>.*} as flat strings, keys without the prefix. */
    static Map<String, String> taskSettings(Config cfg, String id) {
        Map<String, String> out = new LinkedHashMap<>();
        String path = ConfigKeys.TASK_PREFIX + ".\"" + id + "\"";
        if (!cfg.hasPath(path)) {
            return out;
        }
        for (Map.Entry<String, ConfigValue> e : cfg.getConfig(path).entrySet()) {
            ConfigValue v = e.getValue();
            String key = e.getKey().replace("\"", "");
            out.put(key, v.valueType() == ConfigValueType.LIST || v.valueType() == ConfigValueType.OBJECT ? v.render() : String.valueOf(v.unwrapped()));
        }
        return out;
    }

    static ReadPolicy readPolicy(Config cfg) {
        String p = cfg.getString(ConfigKeys.READ_POLICY).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "fail" -> ReadPolicy.FAIL;
            case "skip" -> ReadPolicy.SKIP;
            default -> throw new org.unimoj.runtime.config.ConfigError(ConfigKeys.READ_POLICY + " = '" + p + "': expected fail or skip");
        };
    }
}
