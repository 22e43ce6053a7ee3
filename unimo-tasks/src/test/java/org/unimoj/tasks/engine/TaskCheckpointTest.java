package org.unimoj.tasks.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Prediction;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.checkpoint.SafeTensors;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.tasks.engine.heads.TaskHead;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;
import org.unimoj.tasks.engine.spec.HeadSpecJson;
import org.unimoj.tasks.engine.testing.HeadCases;
import org.unimoj.tasks.engine.testing.ToyText;
import org.unimoj.tasks.engine.testing.Toys;

/** Initialisation from pre-training checkpoints, and task checkpoints: save, load, identical predictions. */
class TaskCheckpointTest {

    private static final ToyText TEXT = new ToyText(IntStream.range(0, 15).mapToObj(i -> "w" + i).toList());
    private static final HeadSpec CLASSIFY = new HeadSpec.Classify(3, Pooling.TEXT, 4, false, 0f);
    private static final HeadSpec GENERATE = new HeadSpec.Generate(AttentionKind.CAPTION, 0f, new GenerationSettings(2, 0.6, 0, 3, false));

    static List<HeadCases.Case> cases() {
        return HeadCases.all();
    }

    @Test
    void theEncoderComesFromPreTrainingAndTheHeadIsFresh(@TempDir Path dir) {
        UnimoConfig c = Toys.gradConfig();
        UnimoPretrainModel pre = Toys.pretrainCheckpoint(dir, c, DataType.FLOAT, 3);
        for (HeadSpec head : List.of(CLASSIFY, GENERATE)) {
            TaskModel m = TaskModel.fromPretrained(dir, head, 11);
            TaskModel fresh = TaskModel.create(c, head, DataType.FLOAT, 11);
            Map<String, INDArray> preTensors = pre.parameters().exportedTensors();
            Map<String, INDArray> freshTensors = fresh.parameters().exportedTensors();
            int fromCheckpoint = 0;
            int fromSeed = 0;
            for (Map.Entry<String, INDArray> e : m.parameters().exportedTensors().entrySet()) {
                if (e.getKey().startsWith(TaskHead.PREFIX)) {
                    assertEquals(freshTensors.get(e.getKey()), e.getValue(), e.getKey() + " starts from the head seed");
                    fromSeed++;
                } else {
                    assertEquals(preTensors.get(e.getKey()), e.getValue(), e.getKey() + " comes from the checkpoint");
                    INDArray seeded = freshTensors.get(e.getKey());
                    if (seeded.maxNumber().doubleValue() != seeded.minNumber().doubleValue()) {
                        // a randomly initialised tensor: the seed's differs (constants such as LayerNorm gains agree anyway)
                        assertNotEquals(seeded, e.getValue(), e.getKey() + " is not the seed's");
                    }
                    fromCheckpoint++;
                }
            }
            assertTrue(fromCheckpoint > 30);
            boolean generate = head instanceof HeadSpec.Generate;
            assertEquals(generate ? 0 : 6, fromSeed, "an MLP head: weight and bias of dense, layer norm and out");
            assertTrue(m.initialisation().unused().contains("unimo.cmcl.temperature"), "pre-training heads are left unused");
            assertEquals(generate, m.initialisation().loaded().contains("lm_head.dense.weight"), "the LM head is loaded for generation only");
        }
    }

    @Test
    void aTaskCheckpointsHeadIsNeverTakenOver(@TempDir Path dir) {
        TaskModel trained = TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 5);
        TaskCheckpoint.save(dir, trained, null, Map.of());
        TaskModel m = TaskModel.fromPretrained(dir, CLASSIFY, 6);
        TaskModel fresh = TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 6);
        String w = TaskHead.PREFIX + ".out.weight";
        assertEquals(fresh.parameters().get(w).value(), m.parameters().get(w).value());
        assertNotEquals(trained.parameters().get(w).value(), m.parameters().get(w).value());
        assertEquals(trained.parameters().get("roberta.encoder.layer.1.output.dense.weight").value(),
                m.parameters().get("roberta.encoder.layer.1.output.dense.weight").value());
        assertTrue(m.initialisation().unused().contains(w));
    }

    @Test
    void aCheckpointWithoutTheEncoderIsRefused(@TempDir Path dir) {
        UnimoConfig c = Toys.gradConfig();
        UnimoPretrainModel pre = Toys.pretrainCheckpoint(dir, c, DataType.FLOAT, 3);
        Map<String, INDArray> tensors = new LinkedHashMap<>(pre.parameters().exportedTensors());
        tensors.remove("roberta.encoder.layer.0.attention.self.key.weight");
        tensors.remove("lm_head.dense.weight");
        SafeTensors.write(dir.resolve(Checkpoint.MODEL), tensors, Map.of("format", Checkpoint.FORMAT), TensorType.F32);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TaskModel.fromPretrained(dir, CLASSIFY, 1));
        assertEquals(dir.resolve(Checkpoint.MODEL) + ": tensor roberta.encoder.layer.0.attention.self.key.weight is missing; "
                + "the encoder needs every tensor", e.getMessage());
        tensors.put("roberta.encoder.layer.0.attention.self.key.weight", pre.parameters().exportedTensors().get("roberta.encoder.layer.0.attention.self.key.weight"));
        SafeTensors.write(dir.resolve(Checkpoint.MODEL), tensors, Map.of("format", Checkpoint.FORMAT), TensorType.F32);
        TaskModel.fromPretrained(dir, CLASSIFY, 1);
        e = assertThrows(CheckpointException.class, () -> TaskModel.fromPretrained(dir, GENERATE, 1));
        assertEquals(dir.resolve(Checkpoint.MODEL) + ": tensor lm_head.dense.weight is missing; the generation head needs the pre-trained LM head",
                e.getMessage());
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> TaskModel.fromPretrained(dir, CLASSIFY, 1, DataType.FLOAT, x -> x.withSizes(1, 8, 2, 16)));
        assertTrue(sizes.getMessage().startsWith(dir + ": only dropout may differ from the checkpoint's configuration"), sizes.getMessage());
        TaskModel lower = TaskModel.fromPretrained(dir, CLASSIFY, 1, DataType.FLOAT, x -> x.withDropout(0.0, 0.05));
        assertEquals(0.05, lower.config().attentionDropout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saveLoadGivesIdenticalPredictions(HeadCases.Case k, @TempDir Path dir) {
        TaskModel model = TaskModel.create(Toys.gradConfig(), k.head(), DataType.FLOAT, 12);
        try (FineTuner t = new FineTuner(model, FineTuneSettings.of(1e-2, 0, 5, 3))) {
            t.step(k.examples());
            t.step(k.examples());
            t.save(dir, Map.of());
        }
        assertTrue(TaskCheckpoint.isTaskCheckpoint(dir));
        assertEquals(k.head(), TaskCheckpoint.readHead(dir));
        TaskModel loaded = TaskCheckpoint.load(dir);
        assertEquals(model.parameters().values(), loaded.parameters().values());
        List<ModelInput> inputs = new ArrayList<>();
        List<ModelInput> single = new ArrayList<>();
        for (EncodedExample e : k.examples()) {
            inputs.addAll(e.inputs());
            for (ModelInput in : e.inputs()) {
                if (in.hasText() != in.hasImage()) {
                    single.add(in);
                }
            }
        }
        single.add(ModelInput.text(new int[] {0, 7, 8, 2}));
        single.add(ModelInput.image(Toys.randomImage("e", 2, loaded.config().featureDim(), 9)));
        try (TaskPredictor before = new TaskPredictor(model, TEXT, new PredictorSettings(2, 2));
             TaskPredictor after = new TaskPredictor(loaded, TEXT, new PredictorSettings(2, 2))) {
            if (k.head() instanceof HeadSpec.Generate) {
                List<Prediction.Text> a = before.generate(inputs);
                List<Prediction.Text> b = after.generate(inputs);
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i).ids(), b.get(i).ids());
                    assertEquals(a.get(i).text(), b.get(i).text());
                    assertEquals(a.get(i).logProbability(), b.get(i).logProbability(), 0.0);
                }
            } else {
                List<Prediction> a = before.predict(inputs);
                List<Prediction> b = after.predict(inputs);
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(describe(a.get(i)), describe(b.get(i)), "input " + i);
                }
            }
            List<float[]> ea = before.embed(single);
            List<float[]> eb = after.embed(single);
            for (int i = 0; i < ea.size(); i++) {
                assertArrayEquals(ea.get(i), eb.get(i), 0f);
            }
        }
    }

    private static String describe(Prediction p) {
        if (p instanceof Prediction.Classes c) {
            return java.util.Arrays.toString(c.probabilities());
        }
        return p.toString();
    }

    @Test
    void aLoadedModelServesTheTasksDeclaredHead(@TempDir Path dir) {
        TaskModel m = TaskModel.create(Toys.gradConfig(), GENERATE, DataType.FLOAT, 2);
        TaskCheckpoint.save(dir, m, null, Map.of());
        HeadSpec beam4 = new HeadSpec.Generate(AttentionKind.CAPTION, 0.1f, new GenerationSettings(4, 1.0, 1, 5, true));
        assertEquals(beam4, TaskCheckpoint.load(dir, beam4).head(), "new decoding settings and smoothing apply");
        HeadSpec other = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0f, new GenerationSettings(2, 0.6, 0, 3, false));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TaskCheckpoint.load(dir, other));
        assertTrue(e.getMessage().startsWith(dir.resolve(TaskCheckpoint.TASK) + ": the checkpoint's head "), e.getMessage());
        assertThrows(CheckpointException.class, () -> TaskCheckpoint.load(dir, CLASSIFY));
        HeadSpec wider = new HeadSpec.Classify(3, Pooling.TEXT, 5, false, 0f);
        Path d2 = dir.resolve("classify");
        TaskCheckpoint.save(d2, TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 2), null, Map.of());
        assertThrows(CheckpointException.class, () -> TaskCheckpoint.load(d2, wider));
        assertEquals(new HeadSpec.Classify(3, Pooling.TEXT, 4, false, 0.2f),
                TaskCheckpoint.load(d2, new HeadSpec.Classify(3, Pooling.TEXT, 4, false, 0.2f)).head());
    }

    @Test
    void badTaskFilesAreNamed(@TempDir Path dir) throws IOException {
        TaskCheckpoint.save(dir, TaskModel.create(Toys.gradConfig(), CLASSIFY, DataType.FLOAT, 2), null, Map.of());
        Path f = dir.resolve(TaskCheckpoint.TASK);
        Files.writeString(f, "{\"format\": \"unimo-j-task\", \"version\": 1, \"head\": {\"kind\": \"classify\", \"numClasses\": 1, "
                + "\"pooling\": \"TEXT\", \"hidden\": 4, \"softLabels\": false, \"labelSmoothing\": 0}}");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TaskCheckpoint.load(dir));
        assertEquals(f + ": field 'head': bad classify head: a classifier needs at least 2 classes, got 1", e.getMessage());
        Files.writeString(f, "{\"format\": \"unimo-j-task\", \"version\": 1, \"head\": {\"kind\": \"sort\"}}");
        e = assertThrows(CheckpointException.class, () -> TaskCheckpoint.readHead(dir));
        assertTrue(e.getMessage().startsWith(f + ": field 'head': field 'kind' is 'sort', expected one of "), e.getMessage());
        Files.writeString(f, "{\"format\": \"unimo-j-task\", \"version\": 2, \"head\": {}}");
        e = assertThrows(CheckpointException.class, () -> TaskCheckpoint.readHead(dir));
        assertEquals(f + ": field 'version' is 2, this build reads 1", e.getMessage());
        Files.delete(f);
        assertFalse(TaskCheckpoint.isTaskCheckpoint(dir));
        e = assertThrows(CheckpointException.class, () -> TaskCheckpoint.load(dir));
        assertEquals(dir + ": not a task checkpoint (no task.json)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headSpecsRoundTripThroughJson(HeadCases.Case k) {
        assertEquals(k.head(), HeadSpecJson.fromJson(HeadSpecJson.toJson(k.head()), "test"));
        HeadSpecJson.requireCompatible(k.head(), k.head(), "test");
    }
}
