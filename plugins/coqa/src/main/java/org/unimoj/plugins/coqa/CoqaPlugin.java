package org.unimoj.plugins.coqa;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/**
 * The task plugin {@code coqa}: conversational question answering from the official CoQA JSON
 * ({@code coqa-train-v1.0.json}, {@code coqa-dev-v1.0.json}; or {@code train.json}, {@code dev.json},
 * {@code test.json}) in the data directory or its {@code coqa/} folder (where a generated world
 * writes its set).
 *
 * <p>Settings ({@code unimo.task.coqa.KEY}): {@code max_text_length} (128: the model's text
 * positions), {@code max_tgt_len} (16), {@code max_src_len} (the rest), {@code max_history_turns}
 * (2), {@code beam_size} (3), {@code length_penalty} (0.6), {@code min_dec_len} (1), {@code
 * max_dec_len} (= max_tgt_len), {@code block_trigram} (false), {@code label_smoothing} (0.1).
 */
public final class CoqaPlugin implements TaskPlugin {

    static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo("coqa", VERSION, SpiVersion.CURRENT,
                "CoQA: free-form answers generated from story, dialogue history and question; CoQA F1",
                Set.of(Modality.TEXT), List.of());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (subtask != null && !subtask.isBlank()) {
            throw new IllegalArgumentException("coqa has no subtasks, got '" + subtask + "'");
        }
        return new CoqaTask(context);
    }
}
