package org.unimoj.model.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;
import org.unimoj.model.testing.ToyBatches;

class InferenceTest {

    @TempDir
    Path tmp;

    @Test
    void sessionEncodesLikeTheTrainedEncoder() {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel m = UnimoPretrainModel.create(c, DataType.FLOAT, 3);
        Checkpoint.save(tmp, c, m.parameters(), null, Map.of(), TensorType.F32);
        EncoderSession s = EncoderSession.open(tmp);
        List<ModelInput> in = ToyBatches.mixedInputs(c);
        List<Encoding> enc = s.encode(in);
        EncoderBatch b = EncoderBatch.of(in, c);
        EncoderPass p = m.encoder().forward(b, null);
        // example 0: image-text
        assertArrayEquals(p.pooledText().getRow(0).toFloatVector(), enc.get(0).pooledText(), 0f);
        assertArrayEquals(p.pooledImage().getRow(0).toFloatVector(), enc.get(0).pooledImage(), 0f);
        assertEquals(5, enc.get(0).textTokens().length);
        assertEquals(4, enc.get(0).regions().length);
        assertArrayEquals(p.sequence().getRow(b.textRow(0, 2)).toFloatVector(), enc.get(0).textTokens()[2], 0f);
        assertArrayEquals(p.sequence().getRow(b.regionRow(0, 1)).toFloatVector(), enc.get(0).regions()[2], 0f);
        // example 3 is text-only, example 4 image-only
        assertNull(enc.get(3).pooledImage());
        assertEquals(0, enc.get(3).regions().length);
        assertNull(enc.get(4).pooledText());
        assertEquals(0, enc.get(4).textTokens().length);
        // alone or in a padded batch: the same vectors (padding is masked out)
        Encoding alone = s.encode(List.of(in.get(3))).get(0);
        assertArrayEquals(enc.get(3).pooledText(), alone.pooledText(), 1e-5f);
        // pooled(): the same pooled vectors as encode(), without the per-token rows
        float[][] texts = s.pooled(in.subList(0, 4), false);
        float[][] images = s.pooled(List.of(in.get(0), in.get(4)), true);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(s.encode(in.subList(0, 4)).get(i).pooledText(), texts[i], 0f, "text " + i);
        }
        assertArrayEquals(s.encode(List.of(in.get(0), in.get(4))).get(1).pooledImage(), images[1], 0f);
        assertThrows(IllegalArgumentException.class, () -> s.pooled(List.of(in.get(3)), true));
    }

    @Test
    void bottomUpLinesRoundTripAndErrorsNameTheField() {
        RegionFeatures r = ToyBatches.image("COCO_1", 3, 6, 9);
        String line = BottomUpTsvLine.format(r);
        RegionFeatures back = BottomUpTsvLine.parse(line, "feats.tsv", 1, 6);
        assertEquals("COCO_1", back.imageId());
        assertArrayEquals(r.boxes(), back.boxes(), 0f);
        assertArrayEquals(r.features(), back.features(), 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BottomUpTsvLine.parse(line.replaceFirst("\t3\t", "\t4\t"), "feats.tsv", 7, 6));
        assertTrue(e.getMessage().startsWith("feats.tsv:7: field 'boxes'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BottomUpTsvLine.parse(line, "feats.tsv", 2, 8));
        assertTrue(e.getMessage().startsWith("feats.tsv:2: field 'features'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BottomUpTsvLine.parse("x\ty", "f", 3, 6));
        assertTrue(e.getMessage().startsWith("f:3: expected 6 or 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BottomUpTsvLine.parse(line.replaceFirst("\t20\t", "\tx\t"), "f", 4, 6));
        assertTrue(e.getMessage().startsWith("f:4: field 'image_w'"), e.getMessage());
    }
}
