package org.unimoj.plugins.cococaption;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/** The {@code coco-caption} task plugin. */
public final class CaptionPlugin implements TaskPlugin {

    public static final String ID = "coco-caption";
    public static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo(ID, VERSION, SpiVersion.CURRENT,
                "image captioning (Karpathy splits): caption mask, beam search; BLEU-4, METEOR, ROUGE-L, CIDEr-D, SPICE",
                Set.of(Modality.TEXT, Modality.IMAGE), List.of());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (!subtask.isEmpty()) {
            throw new IllegalArgumentException("task " + ID + " has no subtasks, got '" + subtask + "'");
        }
        return new CaptionTask(context);
    }
}
