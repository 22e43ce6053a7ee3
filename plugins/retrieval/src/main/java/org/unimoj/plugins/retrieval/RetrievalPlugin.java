package org.unimoj.plugins.retrieval;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/** The {@code retrieval} task plugin (flickr-retrieval). */
public final class RetrievalPlugin implements TaskPlugin {

    public static final String ID = "retrieval";
    public static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo(ID, VERSION, SpiVersion.CURRENT,
                "image-text retrieval (Flickr30k): ranking over hard negatives; R@1/5/10 both ways, two-stage or full joint",
                Set.of(Modality.TEXT, Modality.IMAGE), List.of());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (!subtask.isEmpty()) {
            throw new IllegalArgumentException("task " + ID + " has no subtasks, got '" + subtask + "'");
        }
        return new RetrievalTask(context);
    }
}
