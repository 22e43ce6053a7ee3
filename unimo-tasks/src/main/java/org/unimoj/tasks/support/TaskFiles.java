package org.unimoj.tasks.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.TaskContext;

/**
 * Where one of a task's files is, for a split: the task setting {@code <key>.<split>} (e.g.
 * {@code questions.val}) if given, else {@code <key>} with {@code {split}} replaced by the split's
 * name, else the task's default for the split (the embedded world's layout). A relative path is
 * resolved against the context's data directory. So the world works out of the box and real data
 * is one setting away: {@code --set unimo.task.vqa.questions.val=v2_OpenEnded_mscoco_val2014_questions.json}.
 */
public final class TaskFiles {

    private final String task;
    private final TaskContext context;

    public TaskFiles(String task, TaskContext context) {
        this.task = Objects.requireNonNull(task, "task");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The configured or default path of {@code key} for {@code split} (it may not exist). */
    public Path path(String key, Split split, Map<Split, String> defaults) {
        String given = context.setting(key + "." + split.fileName()).orElse(null);
        if (given == null) {
            given = context.setting(key).map(v -> v.replace("{split}", split.fileName())).orElse(null);
        }
        if (given == null) {
            given = defaults.get(split);
        }
        if (given == null) {
            throw new IllegalArgumentException(task + ": no " + key + " file for split " + split.fileName()
                    + "; set unimo.task." + task + "." + key + "." + split.fileName());
        }
        Path p = Path.of(given);
        return p.isAbsolute() ? p : context.dataDir().resolve(p);
    }

    /** As {@link #path}, failing with the setting to change when the file does not exist. */
    public Path existing(String key, Split split, Map<Split, String> defaults) {
        Path p = path(key, split, defaults);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(task + ": " + key + " file for split " + split.fileName() + " not found: " + p
                    + " (set unimo.task." + task + "." + key + "." + split.fileName() + ", or point --data at the data directory)");
        }
        return p;
    }

    /** The same default for every split, with {@code {split}} replaced by each split's name. */
    public static Map<Split, String> perSplit(String pattern) {
        return Map.of(Split.TRAIN, pattern.replace("{split}", "train"), Split.VAL, pattern.replace("{split}", "val"),
                Split.TEST, pattern.replace("{split}", "test"));
    }
}
