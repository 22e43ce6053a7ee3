package org.unimoj.runtime.finetune;

import java.util.Optional;
import org.unimoj.api.task.FinetuneDefaults;
import org.unimoj.api.task.HardNegativeMiner;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TrivialBaseline;
import org.unimoj.runtime.plugin.LoadedTask;

/**
 * A task opened from its plugin, with the context it was opened in.
 *
 * @param ref     what the user asked for
 * @param plugin  the plugin that provides it, and where it was loaded from
 * @param task    the opened task
 * @param context the context it was opened with
 */
public record OpenedTask(TaskRef ref, LoadedTask plugin, Task<?> task, TaskContext context) {

    public Optional<TrivialBaseline> baseline() {
        return task instanceof TrivialBaseline b ? Optional.of(b) : Optional.empty();
    }

    public Optional<HardNegativeMiner> miner() {
        return task instanceof HardNegativeMiner m ? Optional.of(m) : Optional.empty();
    }

    public Optional<FinetuneDefaults> defaults() {
        return task instanceof FinetuneDefaults d ? Optional.of(d) : Optional.empty();
    }
}
