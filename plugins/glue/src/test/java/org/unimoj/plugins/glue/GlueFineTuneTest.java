package org.unimoj.plugins.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.ReadPolicy;
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
 * The plugin driven the way the runtime drives it (read, encode, fine-tune from a pre-training
 * checkpoint, save, load, evaluate and write results), on a tiny model and a toy SST-2-layout set
 * whose label is whether the sentence says "good" or "bad". The bound: held-out accuracy at least
 * 0.9 where always answering the majority label scores 0.5.
 */
class GlueFineTuneTest {

    private static final List<String> FILLERS = List.of("the", "film", "is", "and", "very", "long", "story", "plot", "actors", "music", "quite");

    @TempDir
    Path tmp;

    private static String sentence(SplittableRandom r, boolean good) {
        List<String> w = new ArrayList<>();
        int n = 3 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            w.add(FILLERS.get(r.nextInt(FILLERS.size())));
        }
        w.add(r.nextInt(w.size() + 1), good ? "good" : "bad");
        return String.join(" ", w);
    }

    private static void writeSplit(Path file, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("sentence\tlabel\n");
        for (int i = 0; i < n; i++) {
            boolean good = i % 2 == 0;
            sb.append(sentence(r, good)).append('\t').append(good ? 1 : 0).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    @Test
    void fineTunesFromAPretrainingCheckpointAndBeatsTheMajorityClass() throws IOException {
        Path data = tmp.resolve("SST-2");
        Files.createDirectories(data);
        writeSplit(data.resolve("train.tsv"), 400, 1);
        writeSplit(data.resolve("dev.tsv"), 60, 2);
        List<String> words = new ArrayList<>(FILLERS);
        words.add("good");
        words.add("bad");
        WordText text = new WordText(words);
        UnimoConfig config = new UnimoConfig("toy", 2, 32, 2, 64, text.vocabSize(), 24, 8, 3, 5, 0.0, 0.0, 1e-5, 0.05, 1, 0.1, true);
        Path pretrained = tmp.resolve("pretrained");
        Checkpoint.save(pretrained, config, UnimoPretrainModel.create(config, DataType.FLOAT, 3).parameters(), null, null, TensorType.F32);

        TaskContext context = new TaskContext(tmp, tmp.resolve("work"), text, Map.of("max_seq_len", "20"), ReadPolicy.FAIL, 5);
        @SuppressWarnings("unchecked")
        Task<LabeledText> task = (Task<LabeledText>) new GluePlugin().open("sst2", context);
        List<EncodedExample> train;
        try (Stream<LabeledText> rows = task.read(Split.TRAIN)) {
            train = rows.map(task::encode).toList();
        }
        int steps = 60;
        int batch = 16;
        Path ckpt = tmp.resolve("ckpt");
        try (FineTuner tuner = new FineTuner(TaskModel.fromPretrained(pretrained, task.head(), 5), FineTuneSettings.of(3e-3, 6, steps, 5))) {
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
            System.out.println("toy sst2 after " + steps + " steps: " + r.values());
            assertEquals(0.5, r.get("baseline_majority_accuracy"), 1e-12);
            assertTrue(r.get("accuracy") >= 0.9, "held-out accuracy " + r.get("accuracy"));
            Path sub = task.writeResults(Split.VAL, predictor, tmp.resolve("results"));
            List<String> lines = Files.readAllLines(sub);
            assertEquals(61, lines.size());
            assertEquals("0\t1", lines.get(1), "row 0 says good");
        }
    }
}
