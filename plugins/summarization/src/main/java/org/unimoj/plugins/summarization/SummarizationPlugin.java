package org.unimoj.plugins.summarization;

import java.util.Arrays;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/**
 * The task plugin {@code summarization}: subtasks {@code cnndm} and {@code gigaword}, both read from
 * {@code train.tsv}, {@code dev.tsv} and {@code test.tsv} with {@code src \t tgt} rows (a header
 * {@code src\ttgt} is optional) in the data directory, its {@code cnndm/} or {@code gigaword/}
 * folder, or a generated world's {@code summarization/}.
 *
 * <p>Settings ({@code unimo.task.summarization.KEY}, or {@code ...summarization.SUBTASK.KEY}):
 * {@code max_text_length} (128: the model's text positions, {@code maxPositions - 2}; source and
 * target must fit in it together), {@code max_tgt_len} (32 ids with [SEP]), {@code max_src_len}
 * (the rest), {@code tokenized_input} (false: text; true: space-separated ids of the model's
 * vocabulary), {@code beam_size} (5), {@code length_penalty} (0.6), {@code min_dec_len} (1),
 * {@code max_dec_len} (= max_tgt_len), {@code block_trigram} (true), {@code label_smoothing} (0.1).
 */
public final class SummarizationPlugin implements TaskPlugin {

    static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo("summarization", VERSION, SpiVersion.CURRENT,
                "CNN/DailyMail and Gigaword from src/tgt TSV; seq2seq, beam search, ROUGE-1/2/L",
                Set.of(Modality.TEXT), Arrays.stream(SummarizationSubtask.values()).map(SummarizationSubtask::id).toList());
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (subtask == null || subtask.isBlank()) {
            throw new IllegalArgumentException("summarization needs a subtask: summarization/cnndm or summarization/gigaword");
        }
        return new SummarizationTask(SummarizationSubtask.parse(subtask), context);
    }
}
