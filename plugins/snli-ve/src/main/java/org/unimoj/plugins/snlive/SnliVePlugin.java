package org.unimoj.plugins.snlive;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/** The {@code snli-ve} task plugin. */
public final class SnliVePlugin implements TaskPlugin {

    public static final String ID = "snli-ve";
    public static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo(ID, VERSION, SpiVersion.CURRENT,
                "SNLI-VE visual entailment: image + hypothesis -> entailment/neutral/contradiction; accuracy",
                Set.of(Modality.TEXT, Modality.IMAGE), List.of());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (!subtask.isEmpty()) {
            throw new IllegalArgumentException("task " + ID + " has no subtasks, got '" + subtask + "'");
        }
        return new SnliVeTask(context);
    }
}
