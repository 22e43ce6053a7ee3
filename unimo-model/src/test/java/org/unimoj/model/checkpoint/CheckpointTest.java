package org.unimoj.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.optim.AdamW;
import org.unimoj.model.optim.LearningRateSchedule;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.testing.ToyBatches;

class CheckpointTest {

    @TempDir
    Path tmp;

    private static Optimizer optimizer(UnimoPretrainModel m) {
        return new Optimizer(m.parameters(), new Optimizer.Settings(new LearningRateSchedule(1e-2, 2, 100), 1.0, AdamW.Settings.defaults()),
                LossScaler.dynamic(1024, 3));
    }

    private static double train(UnimoPretrainModel m, Optimizer o, PretrainBatch b, long step) {
        double loss = m.forwardBackward(b, StepRandom.forStep(42, step), o.gradScale(1)).total();
        o.apply(1);
        m.afterUpdate();
        return loss;
    }

    @Test
    void saveLoadForwardIsIdenticalAndTheFileIsSafetensors() throws Exception {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 1);
        PretrainBatch b = ToyBatches.everyObjective(c, DataType.FLOAT);
        Optimizer o = optimizer(m);
        train(m, o, b, 0);
        Checkpoint.save(tmp, c, m.parameters(), o, Map.of("seed", "42"), TensorType.F32);

        UnimoPretrainModel back = Checkpoint.loadPretrainModel(tmp, DataType.FLOAT);
        assertEquals(c, back.config());
        EncoderBatch in = b.input();
        assertEquals(m.encoder().forward(in, null).sequence(), back.encoder().forward(in, null).sequence());
        assertEquals(m.parameters().values(), back.parameters().values());
        Optimizer o2 = optimizer(back);
        Map<String, String> meta = Checkpoint.loadOptimizer(tmp, o2, back.parameters());
        assertEquals("42", meta.get("seed"));
        assertEquals(1, o2.updates());
        assertEquals(o.adam().firstMoment(), o2.adam().firstMoment());
        assertEquals(o.adam().secondMoment(), o2.adam().secondMoment());

        // the layout of the spec: 8-byte little-endian header length, JSON header, data
        byte[] bytes = Files.readAllBytes(tmp.resolve(Checkpoint.MODEL));
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        JsonNode q = header.get("roberta.encoder.layer.1.attention.self.query.weight");
        assertEquals("F32", q.get("dtype").asText());
        assertEquals("[8,8]", q.get("shape").toString());
        long begin = q.get("data_offsets").get(0).asLong();
        float first = ByteBuffer.wrap(bytes, (int) (8 + n + begin), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertEquals(m.parameters().exportedTensors().get("roberta.encoder.layer.1.attention.self.query.weight").getFloat(0, 0), first, 0f);
        assertTrue(header.has("roberta.embeddings.word_embeddings.weight"));
        assertTrue(header.has("lm_head.dense.weight"));
        assertTrue(header.has("unimo.image_embeddings.feature.weight"));
    }

    @Test
    void resumedTrainingReproducesTheLosses() {
        UnimoConfig c = ToyBatches.tinyConfig();
        PretrainBatch b = ToyBatches.everyObjective(c, DataType.FLOAT);
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 9);
        Optimizer o = optimizer(m);
        for (int s = 0; s < 3; s++) {
            train(m, o, b, s);
        }
        Checkpoint.save(tmp, c, m.parameters(), o, Map.of(), TensorType.F32);
        double[] expected = {train(m, o, b, 3), train(m, o, b, 4), train(m, o, b, 5)};

        UnimoPretrainModel r = Checkpoint.loadPretrainModel(tmp, DataType.FLOAT);
        Optimizer ro = optimizer(r);
        Checkpoint.loadOptimizer(tmp, ro, r.parameters());
        double[] resumed = {train(r, ro, b, 3), train(r, ro, b, 4), train(r, ro, b, 5)};
        assertArrayEquals(expected, resumed, 1e-6);
        assertTrue(expected[0] != expected[2], "training changes the loss");
    }

    @Test
    void bfloat16RoundTripIsRoundedToBfloat16() {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 2);
        Checkpoint.save(tmp, c, m.parameters(), null, Map.of(), TensorType.BF16);
        UnimoPretrainModel back = Checkpoint.loadPretrainModel(tmp, DataType.FLOAT);
        INDArray a = m.parameters().values();
        INDArray z = back.parameters().values();
        for (long i = 0; i < a.length(); i += 97) {
            float v = a.getFloat(i);
            float expected = Float.intBitsToFloat((SafeTensors.toBfloat16(v) & 0xFFFF) << 16);
            assertEquals(expected, z.getFloat(i), 0f);
            assertEquals(v, z.getFloat(i), Math.abs(v) / 128 + 1e-30);
        }
    }

    @Test
    void truncatedFileNamesTheTensor() throws Exception {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 3);
        Checkpoint.save(tmp, c, m.parameters(), null, Map.of(), TensorType.F32);
        Path f = tmp.resolve(Checkpoint.MODEL);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.loadPretrainModel(tmp, DataType.FLOAT));
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("tensor (\\S+): data .* the file is truncated").matcher(e.getMessage());
        assertTrue(named.find(), e.getMessage());
        assertTrue(m.parameters().exportedTensors().containsKey(named.group(1)), e.getMessage());
        Files.write(f, java.util.Arrays.copyOf(bytes, 5));
        e = assertThrows(CheckpointException.class, () -> Checkpoint.loadPretrainModel(tmp, DataType.FLOAT));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void mismatchedShapesAndMissingTensorsAreNamed() {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 4);
        Checkpoint.save(tmp, c, m.parameters(), null, Map.of(), TensorType.F32);
        UnimoPretrainModel wider = UnimoPretrainModel.create(c.withSizes(2, 12, 2, 16), DataType.FLOAT, 4);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.loadParameters(tmp, wider.parameters()));
        assertTrue(e.getMessage().contains("tensor roberta.embeddings.word_embeddings.weight has shape [20, 8], the model expects [20, 12]"), e.getMessage());

        Map<String, INDArray> some = new LinkedHashMap<>(m.parameters().exportedTensors());
        some.remove("roberta.encoder.layer.1.output.LayerNorm.bias");
        SafeTensors.write(tmp.resolve(Checkpoint.MODEL), some, Map.of(), TensorType.F32);
        e = assertThrows(CheckpointException.class, () -> Checkpoint.loadParameters(tmp, m.parameters()));
        assertTrue(e.getMessage().contains("tensor roberta.encoder.layer.1.output.LayerNorm.bias is missing"), e.getMessage());

        some = new LinkedHashMap<>(m.parameters().exportedTensors());
        some.put("unimo.extra", Nd4j.zeros(DataType.FLOAT, 2));
        SafeTensors.write(tmp.resolve(Checkpoint.MODEL), some, Map.of(), TensorType.F32);
        e = assertThrows(CheckpointException.class, () -> Checkpoint.loadParameters(tmp, m.parameters()));
        assertTrue(e.getMessage().contains("tensor unimo.extra does not belong to this model"), e.getMessage());
    }

    @Test
    void robertaNamesInitialiseTheTextTower() {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel source = UnimoPretrainModel.create(c, DataType.FLOAT, 5);
        // a RobertaModel-style file: no "roberta." prefix, a token-type row, a pooler and an int64 buffer
        Map<String, INDArray> hf = new LinkedHashMap<>();
        source.parameters().exportedTensors().forEach((k, v) -> {
            if (k.startsWith("roberta.")) {
                hf.put(k.substring("roberta.".length()), v);
            }
        });
        INDArray tokenType = Nd4j.rand(DataType.FLOAT, 1, 8);
        hf.put("embeddings.token_type_embeddings.weight", tokenType);
        hf.put("pooler.dense.weight", Nd4j.rand(DataType.FLOAT, 8, 8));
        Path f = tmp.resolve("roberta.safetensors");
        SafeTensors.write(f, hf, Map.of("format", "pt"), TensorType.F32);

        UnimoPretrainModel target = UnimoPretrainModel.create(c, DataType.FLOAT, 6);
        LoadReport r = RobertaWeights.load(f, target.parameters());
        assertTrue(r.loaded().contains("roberta.encoder.layer.0.attention.self.key.weight"));
        assertTrue(r.missing().contains("unimo.image_embeddings.feature.weight"));
        assertEquals(java.util.List.of("pooler.dense.weight"), r.unused());
        String q = "roberta.encoder.layer.1.attention.self.value.bias";
        assertEquals(source.parameters().exportedTensors().get(q), target.parameters().exportedTensors().get(q));
        String pos = "roberta.embeddings.position_embeddings.weight";
        assertEquals(source.parameters().exportedTensors().get(pos).addRowVector(tokenType.getRow(0)), target.parameters().exportedTensors().get(pos));
    }
}
