package org.unimoj.plugins.vqa;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/** The {@code vqa} task plugin. */
public final class VqaPlugin implements TaskPlugin {

    public static final String ID = "vqa";
    public static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo(ID, VERSION, SpiVersion.CURRENT,
                "VQA v2: image + question -> answer (soft scores, BCE); VQA accuracy per answer and question type",
                Set.of(Modality.TEXT, Modality.IMAGE), List.of());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (!subtask.isEmpty()) {
            throw new IllegalArgumentException("task " + ID + " has no subtasks, got '" + subtask + "'");
        }
        return new VqaTask(context);
    }
}
