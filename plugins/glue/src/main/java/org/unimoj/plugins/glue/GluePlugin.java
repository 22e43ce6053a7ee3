package org.unimoj.plugins.glue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/**
 * The task plugin {@code glue}: subtasks {@code sst2}, {@code mnli}, {@code cola}, {@code stsb}.
 *
 * <p>Settings ({@code unimo.task.glue.KEY}, or {@code unimo.task.glue.SUBTASK.KEY} for one subtask):
 * {@code max_seq_len} (ids per input, [CLS] and [SEP]s included; the longer sentence of a pair is
 * cut first; default {@code max_text_length}, the model's text positions, itself 128 by default),
 * {@code layout} ({@code auto}, {@code official}, {@code sentence_tab_label}, {@code label_tab_sentence}),
 * {@code head_hidden} (0: a single Linear, as GLUE fine-tuning does), {@code label_smoothing} (0).
 */
public final class GluePlugin implements TaskPlugin {

    static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo("glue", VERSION, SpiVersion.CURRENT,
                "GLUE from the official TSVs: SST-2, MNLI (m/mm), CoLA, STS-B; pooled text -> Linear",
                Set.of(Modality.TEXT), subtasks());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (subtask == null || subtask.isBlank()) {
            throw new IllegalArgumentException("glue needs a subtask: glue/sst2, glue/mnli, glue/cola or glue/stsb");
        }
        return new GlueTask(GlueSubtask.parse(subtask), context);
    }

    /** The subtask ids, in the order {@link #info()} lists them. */
    static List<String> subtasks() {
        return Arrays.stream(GlueSubtask.values()).map(GlueSubtask::id).toList();
    }
}
