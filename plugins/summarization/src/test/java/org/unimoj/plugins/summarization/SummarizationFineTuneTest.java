package org.unimoj.plugins.summarization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.tasks.engine.FineTuneSettings;
import org.unimoj.tasks.engine.FineTuner;
import org.unimoj.tasks.engine.TaskCheckpoint;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.predict.TaskPredictor;
import org.unimoj.tasks.testing.WordText;

/**
 * The plugin driven as the runtime drives it, on a tiny model and a toy set whose summary is the
 * source's second sentence (the first is a filler): the fine-tuned model's ROUGE-L must be at least
 * 0.8 and above the lead baseline, which shares no word with the summaries.
 */
class SummarizationFineTuneTest {

    private static final List<String> FILLERS = List.of("this", "is", "an", "intro", "about", "nothing");
    private static final List<String> WORDS = List.of("red", "cat", "dog", "tree", "runs", "blue", "house", "bird");

    @TempDir
    Path tmp;

    private static void writeSplit(Path file, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("src\ttgt\n");
        for (int i = 0; i < n; i++) {
            String intro = "this is " + FILLERS.get(2 + r.nextInt(FILLERS.size() - 2)) + " .";
            List<String> w = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                w.add(WORDS.get(r.nextInt(WORDS.size())));
            }
            String summary = String.join(" ", w);
            sb.append(intro).append(' ').append(summary).append(" .\t").append(summary).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    @Test
    void fineTunesAndBeatsTheLeadSentence() throws IOException {
        Path data = tmp.resolve("summarization");
        Files.createDirectories(data);
        writeSplit(data.resolve("train.tsv"), 400, 1);
        writeSplit(data.resolve("dev.tsv"), 40, 2);
        List<String> vocab = new ArrayList<>(FILLERS);
        vocab.addAll(WORDS);
        vocab.add(".");
        WordText text = new WordText(vocab);
        UnimoConfig config = new UnimoConfig("toy", 2, 32, 2, 64, text.vocabSize(), 24, 8, 3, 5, 0.0, 0.0, 1e-5, 0.05, 1, 0.1, true);
        Path pretrained = tmp.resolve("pretrained");
        Checkpoint.save(pretrained, config, UnimoPretrainModel.create(config, DataType.FLOAT, 3).parameters(), null, null, TensorType.F32);

        TaskContext context = new TaskContext(tmp, tmp.resolve("work"), text,
                Map.of("max_text_length", "22", "max_tgt_len", "5", "beam_size", "2"), ReadPolicy.FAIL, 5);
        @SuppressWarnings("unchecked")
        Task<SourceTarget> task = (Task<SourceTarget>) new SummarizationPlugin().open("cnndm", context);
        List<EncodedExample> train;
        try (Stream<SourceTarget> rows = task.read(Split.TRAIN)) {
            train = rows.map(task::encode).toList();
        }
        int steps = 300;
        int batch = 16;
        Path ckpt = tmp.resolve("ckpt");
        try (FineTuner tuner = new FineTuner(TaskModel.fromPretrained(pretrained, task.head(), 5), FineTuneSettings.of(3e-3, 30, steps, 5))) {
            for (int s = 0; s < steps; s++) {
                List<EncodedExample> b = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    b.add(train.get((s * batch + i) % train.size()));
                }
                tuner.step(b);
            }
            tuner.save(ckpt, Map.of());
        }
        try (TaskPredictor predictor = new TaskPredictor(TaskCheckpoint.load(ckpt, task.head()), text)) {
            MetricReport r = task.evaluate(Split.VAL, predictor);
            System.out.println("toy summarization after " + steps + " steps: " + r.values());
            assertTrue(r.get("ROUGE-L") >= 0.8, "ROUGE-L " + r.get("ROUGE-L"));
            assertTrue(r.get("ROUGE-L") > r.get("baseline_lead1_ROUGE-L") + 0.5, r.values().toString());
        }
    }
}
