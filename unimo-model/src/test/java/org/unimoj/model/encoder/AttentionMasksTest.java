package org.unimoj.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.testing.ToyBatches;

/** The three attention patterns, position by position, with padding. */
class AttentionMasksTest {

    private static final UnimoConfig C = ToyBatches.tinyConfig();

    /** "1" where query q may see key k, for example b. */
    private static String pattern(INDArray mask, int b) {
        StringBuilder sb = new StringBuilder();
        long s = mask.size(1);
        for (int q = 0; q < s; q++) {
            for (int k = 0; k < s; k++) {
                sb.append(mask.getDouble(b, q, k) == 0 ? '1' : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void layoutAndPatterns() {
        // batch layout: [IMG] r1 r2 | t0 t1 t2 t3 t4  (3 region slots, 5 text slots)
        List<ModelInput> in = List.of(
                ModelInput.imageText(ToyBatches.image("a", 1, C.featureDim(), 1), new int[] {0, 5, 2}),
                new ModelInput(new int[] {0, 5, 2, 6, 2}, 3, null, AttentionKind.SEQ2SEQ),
                new ModelInput(new int[] {0, 7, 8, 2}, 1, ToyBatches.image("b", 2, C.featureDim(), 2), AttentionKind.CAPTION));
        EncoderBatch b = EncoderBatch.of(in, C);
        assertEquals(3, b.regionSlots());
        assertEquals(8, b.seqLength());
        assertEquals(3 + 8 + 1, b.textRow(1, 1));
        assertEquals(2 * 8 + 2, b.regionRow(2, 1));
        INDArray m = AttentionMasks.build(b, DataType.FLOAT);

        // bidirectional, 1 region of 2, text of 3: everyone sees [IMG], r1 and t0..t2
        String bi = "11.111..\n".repeat(8);
        assertEquals(bi, pattern(m, 0));

        // seq2seq, no image, source t0..t2, target t3..t4
        assertEquals(""
                + "...11111\n" + "...11111\n" + "...11111\n"  // padding queries see every valid key
                + "...111..\n" + "...111..\n" + "...111..\n"  // source sees the source
                + "...1111.\n"                                 // t3 sees source and itself
                + "...11111\n", pattern(m, 1));                // t4 sees source, t3, itself

        // captioning: 2 regions, prompt t0, caption t1..t3; regions see regions only
        assertEquals(""
                + "111.....\n" + "111.....\n" + "111.....\n"
                + "1111....\n"
                + "11111...\n" + "111111..\n" + "1111111.\n"
                + "1111111.\n", pattern(m, 2));
    }

    @Test
    void batchesRejectWhatTheModelCannotTake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderBatch.of(List.of(ModelInput.text(new int[] {0, 99, 2})), C));
        assertTrue(e.getMessage().contains("input 0: token id 99 outside the vocabulary"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EncoderBatch.of(List.of(ModelInput.text(new int[C.maxTextLength() + 1])), C));
        assertTrue(e.getMessage().contains("text ids, the model takes at most " + C.maxTextLength()), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EncoderBatch.of(List.of(ModelInput.image(ToyBatches.image("w", 2, 5, 1))), C));
        assertTrue(e.getMessage().contains("image w): feature length 5, the model takes 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EncoderBatch.of(List.of(ModelInput.image(ToyBatches.image("m", 4, 6, 1))), C));
        assertTrue(e.getMessage().contains("4 regions, the model takes at most 3"), e.getMessage());
    }
}
