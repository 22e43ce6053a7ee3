package org.unimoj.tasks.engine.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Prediction;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.generate.Hypothesis;
import org.unimoj.model.inference.EncoderSession;
import org.unimoj.model.inference.Encoding;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.heads.PooledHead;
import org.unimoj.tasks.engine.testing.ToyText;
import org.unimoj.tasks.engine.testing.Toys;

class TaskPredictorTest {

    private static final ToyText TEXT = new ToyText(IntStream.range(0, 15).mapToObj(i -> "w" + i).toList());
    private static final UnimoConfig C = Toys.gradConfig().withMaxPositions(14);

    /** Twelve image-text inputs of different shapes, in no particular order. */
    private static List<ModelInput> pairs() {
        List<ModelInput> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RegionFeatures img = Toys.randomImage("i" + i, 1 + (i * 7) % 3, C.featureDim(), 60 + i);
            int[] ids = new int[2 + (i * 5) % 4];
            ids[0] = 0;
            for (int j = 1; j < ids.length - 1; j++) {
                ids[j] = 5 + (i + j) % 15;
            }
            ids[ids.length - 1] = 2;
            out.add(ModelInput.imageText(img, ids));
        }
        return out;
    }

    private static float[] raw(TaskModel m, ModelInput in) {
        return ((PooledHead) m.taskHead()).outputs(m.encode(EncoderBatch.of(List.of(in), m.config()))).castTo(DataType.FLOAT).toFloatVector();
    }

    @Test
    void predictionsAreTheHeadsOutputsInInputOrderWhateverTheBatching() {
        for (HeadSpec head : List.of(new HeadSpec.Classify(4, Pooling.TEXT_IMAGE_CONCAT, 6, false, 0f),
                new HeadSpec.Classify(5, Pooling.TEXT_IMAGE_PRODUCT, 0, true, 0f), new HeadSpec.Regress(Pooling.IMAGE, 3),
                new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT))) {
            TaskModel m = TaskModel.create(C, head, DataType.FLOAT, 8);
            List<ModelInput> in = pairs();
            List<Prediction> wide;
            List<Prediction> again;
            List<Prediction> narrow;
            try (TaskPredictor p = new TaskPredictor(m, null, new PredictorSettings(64, 1))) {
                wide = p.predict(in);
                again = p.predict(in);
            }
            try (TaskPredictor p = new TaskPredictor(m, null, new PredictorSettings(3, 2))) {
                narrow = p.predict(in);
            }
            assertEquals(in.size(), wide.size());
            for (int i = 0; i < in.size(); i++) {
                float[] y = raw(m, in.get(i));
                float[] a = values(wide.get(i));
                assertArrayEquals(a, values(again.get(i)), 0f, "the same call gives the same bits");
                assertArrayEquals(a, values(narrow.get(i)), 1e-5f, head + " input " + i);
                if (head instanceof HeadSpec.Classify c) {
                    double sum = 0;
                    for (int k = 0; k < y.length; k++) {
                        double expected = c.softLabels() ? 1 / (1 + Math.exp(-y[k])) : Math.exp(y[k]) / expSum(y);
                        assertEquals(expected, a[k], 1e-5, head + " input " + i + " class " + k);
                        sum += a[k];
                    }
                    if (!c.softLabels()) {
                        assertEquals(1.0, sum, 1e-5);
                    }
                } else {
                    assertEquals(y[0], a[0], 1e-5, head + " input " + i);
                }
            }
        }
    }

    private static double expSum(float[] y) {
        double s = 0;
        for (float v : y) {
            s += Math.exp(v);
        }
        return s;
    }

    private static float[] values(Prediction p) {
        if (p instanceof Prediction.Classes c) {
            return c.probabilities();
        }
        if (p instanceof Prediction.Value v) {
            return new float[] {v.value()};
        }
        return new float[] {((Prediction.Score) p).score()};
    }

    @Test
    void embeddingsAreNormalisedPooledVectors() {
        TaskModel m = TaskModel.create(C, new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT), DataType.FLOAT, 9);
        List<ModelInput> in = new ArrayList<>();
        for (ModelInput p : pairs()) {
            in.add(in.size() % 2 == 0 ? ModelInput.text(p.textIds()) : ModelInput.image(p.image()));
        }
        List<float[]> z;
        try (TaskPredictor p = new TaskPredictor(m, null, new PredictorSettings(4, 2))) {
            z = p.embed(in);
        }
        EncoderSession session = new EncoderSession(m.encoder());
        for (int i = 0; i < in.size(); i++) {
            Encoding e = session.encode(List.of(in.get(i))).get(0);
            float[] v = in.get(i).hasText() ? e.pooledText() : e.pooledImage();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            double unit = 0;
            for (int k = 0; k < v.length; k++) {
                assertEquals(v[k] / norm, z.get(i)[k], 1e-5, "input " + i);
                unit += z.get(i)[k] * z.get(i)[k];
            }
            assertEquals(1.0, unit, 1e-5);
        }
    }

    @Test
    void generationIsTheModelsSearchWithoutEndOfSequence() {
        GenerationSettings s = new GenerationSettings(3, 0.6, 1, 5, true);
        TaskModel m = TaskModel.create(C, new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0f, s), DataType.FLOAT, 10);
        // make end-of-sequence likely so that some outputs finish early
        m.lmHead().decoder().bias().value().putScalar(ToyText.SEP, 2.0);
        List<ModelInput> in = new ArrayList<>();
        for (ModelInput p : pairs()) {
            int src = p.textIds().length;
            // the target after the source is ignored by generation
            in.add(new ModelInput(Toys.concat(p.textIds(), new int[] {7, 2}), src, in.size() % 3 == 0 ? null : p.image(), AttentionKind.SEQ2SEQ));
        }
        List<Prediction.Text> out;
        try (TaskPredictor p = new TaskPredictor(m, TEXT, new PredictorSettings(6, 2))) {
            out = p.generate(in);
        }
        int ended = 0;
        for (int i = 0; i < in.size(); i++) {
            ModelInput src = new ModelInput(Arrays.copyOf(in.get(i).textIds(), in.get(i).sourceLength()), in.get(i).sourceLength(),
                    in.get(i).image(), AttentionKind.SEQ2SEQ);
            Hypothesis h = m.generator(ToyText.SEP).generate(List.of(src), s).get(0);
            int[] ids = h.tokens();
            if (ids[ids.length - 1] == ToyText.SEP) {
                ids = Arrays.copyOf(ids, ids.length - 1);
                ended++;
            }
            assertArrayEquals(ids, out.get(i).ids(), "input " + i);
            assertEquals(TEXT.decode(ids), out.get(i).text());
            assertEquals(h.logProbability(), out.get(i).logProbability(), 1e-4);
        }
        assertTrue(ended > 0, "some hypotheses end with [SEP] (stripped)");
    }

    @Test
    void misuseIsAClearError() {
        TaskModel classify = TaskModel.create(C, new HeadSpec.Classify(3, Pooling.TEXT_IMAGE_PRODUCT, 0, false, 0f), DataType.FLOAT, 1);
        TaskModel generate = TaskModel.create(C, new HeadSpec.Generate(AttentionKind.CAPTION, 0f, new GenerationSettings(1, 0, 0, 9, false)),
                DataType.FLOAT, 1);
        ModelInput pair = pairs().get(0);
        try (TaskPredictor p = new TaskPredictor(classify, TEXT); TaskPredictor g = new TaskPredictor(generate, TEXT);
             TaskPredictor noText = new TaskPredictor(generate, null)) {
            assertEquals("input 1: pooling TEXT_IMAGE_PRODUCT reads the pooled image, but the input has no image",
                    assertThrows(IllegalArgumentException.class, () -> p.predict(List.of(pair, ModelInput.text(new int[] {0, 2})))).getMessage());
            assertEquals("the task's head is Classify: call predict, not generate",
                    assertThrows(UnsupportedOperationException.class, () -> p.generate(List.of(pair))).getMessage());
            assertEquals("the task's head generates text: call generate, not predict",
                    assertThrows(UnsupportedOperationException.class, () -> g.predict(List.of(pair))).getMessage());
            assertEquals("input 0: embed takes single-modal inputs (text alone or an image alone)",
                    assertThrows(IllegalArgumentException.class, () -> p.embed(List.of(pair))).getMessage());
            ModelInput caption = new ModelInput(new int[] {0, 5, 6, 7}, 4, pair.image(), AttentionKind.CAPTION);
            assertEquals("input 0: 4 source ids + up to 9 generated ones exceed the model's 12 text positions",
                    assertThrows(IllegalArgumentException.class, () -> g.generate(List.of(caption))).getMessage());
            assertEquals("input 0: attention BIDIRECTIONAL, the head generates with CAPTION",
                    assertThrows(IllegalArgumentException.class, () -> g.generate(List.of(pair))).getMessage());
            assertEquals("generation needs the model's tokenizer (the predictor was built without one)",
                    assertThrows(IllegalStateException.class, () -> noText.generate(List.of(caption))).getMessage());
            assertEquals(List.of(), p.predict(List.of()));
        }
    }
}
