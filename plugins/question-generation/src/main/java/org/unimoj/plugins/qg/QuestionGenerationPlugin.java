package org.unimoj.plugins.qg;

import java.util.List;
import java.util.Set;
import org.unimoj.api.Modality;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/**
 * The task plugin {@code question-generation} (subtask {@code squad}, the default): SQuAD question
 * generation from SQuAD JSON ({@code train.json} / {@code train-v1.1.json}, {@code dev.json} /
 * {@code dev-v1.1.json}, {@code test.json}) or the reference code's TSV ({@code train.tsv}, ...: {@code
 * paragraph [SEP] answer \t question}), in the data directory or its {@code squad_qg/} folder (where
 * a generated world writes its set).
 *
 * <p>Settings ({@code unimo.task.question-generation.KEY}): {@code max_text_length} (128: the
 * model's text positions), {@code max_tgt_len} (32), {@code max_src_len} (the rest), {@code beam_size}
 * (5), {@code length_penalty} (0.6), {@code min_dec_len} (1), {@code max_dec_len} (= max_tgt_len),
 * {@code block_trigram} (false), {@code label_smoothing} (0.1).
 */
public final class QuestionGenerationPlugin implements TaskPlugin {

    static final String VERSION = "0.1.0";

    @Override
    public TaskInfo info() {
        return new TaskInfo("question-generation", VERSION, SpiVersion.CURRENT,
                "SQuAD question generation (paragraph + answer -> question); seq2seq; BLEU-4, METEOR, ROUGE-L",
                Set.of(Modality.TEXT), List.of("squad"));
    }

    @Override
    public Task<?> open(String subtask, TaskContext context) {
        if (subtask != null && !subtask.isBlank() && !subtask.trim().equalsIgnoreCase("squad")) {
            throw new IllegalArgumentException("unknown question-generation subtask '" + subtask + "' (expected squad, or none)");
        }
        return new QuestionGenerationTask(context);
    }
}
