package org.unimoj.tasks.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.tasks.engine.testing.Toys;

class TaskBatchTest {

    private static final UnimoConfig C = Toys.gradConfig();
    private static final RegionFeatures IMG = Toys.randomImage("img", 2, C.featureDim(), 1);
    private static final HeadSpec.Classify CLASSIFY = new HeadSpec.Classify(3, Pooling.TEXT, 0, false, 0f);
    private static final HeadSpec.Generate SEQ2SEQ = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0f, new GenerationSettings(1, 0, 0, 3, false));

    private static String error(List<EncodedExample> ex, HeadSpec head) {
        return assertThrows(IllegalArgumentException.class, () -> TaskBatch.of(ex, head, C)).getMessage();
    }

    private static EncodedExample text(String id, Target t) {
        return EncodedExample.single(id, ModelInput.text(new int[] {0, 5, 2}), t);
    }

    @Test
    void badExamplesAreNamedWithTheirFault() {
        assertEquals("example 'x1': target Value, a Classify head learns ClassLabel",
                error(List.of(text("x0", new Target.ClassLabel(0)), text("x1", new Target.Value(1))), CLASSIFY));
        assertEquals("example 'x': label 3 outside [0, 3)", error(List.of(text("x", new Target.ClassLabel(3))), CLASSIFY));
        HeadSpec soft = new HeadSpec.Classify(3, Pooling.TEXT, 0, true, 0f);
        assertEquals("example 's': 2 soft labels, the head has 3 classes", error(List.of(text("s", new Target.SoftLabels(new float[2]))), soft));
        assertEquals("example 's': soft label 1 is 1.5, outside [0, 1]",
                error(List.of(text("s", new Target.SoftLabels(new float[] {0, 1.5f, 0}))), soft));
        assertEquals("example 'n': target value NaN is not finite",
                error(List.of(text("n", new Target.Value(Float.NaN))), new HeadSpec.Regress(Pooling.TEXT, 0)));
        assertEquals("example 'i': pooling TEXT_IMAGE_PRODUCT reads the pooled image, but the input has no image",
                error(List.of(text("i", new Target.ClassLabel(0))), new HeadSpec.Classify(3, Pooling.TEXT_IMAGE_PRODUCT, 0, false, 0f)));
        assertEquals("example 'a': attention SEQ2SEQ, a pooled head reads BIDIRECTIONAL inputs",
                error(List.of(EncodedExample.single("a", new ModelInput(new int[] {0, 5, 2}, 1, null, AttentionKind.SEQ2SEQ),
                        new Target.ClassLabel(0))), CLASSIFY));
        assertEquals("example 'l': 9 text ids, the model takes at most 8",
                error(List.of(EncodedExample.single("l", ModelInput.text(new int[9]), new Target.ClassLabel(0))), CLASSIFY));
        assertEquals("example 'v': token id 20 at position 1 outside the vocabulary [0, 20)",
                error(List.of(EncodedExample.single("v", ModelInput.text(new int[] {0, 20, 2}), new Target.ClassLabel(0))), CLASSIFY));
        assertEquals("example 'two': a Classify head takes one input per example, got 2",
                error(List.of(new EncodedExample("two", List.of(ModelInput.text(new int[] {0, 2}), ModelInput.text(new int[] {0, 2})),
                        new Target.ClassLabel(0))), CLASSIFY));
    }

    @Test
    void rankingGroupsAreChecked() {
        HeadSpec rank = new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT);
        ModelInput a = ModelInput.imageText(IMG, new int[] {0, 5, 2});
        assertEquals("example 'g': a ranking group needs a positive and at least one negative, got 1 input(s)",
                error(List.of(new EncodedExample("g", List.of(a), new Target.Ranking(0))), rank));
        assertEquals("example 'g': ranking positive 2 outside its 2 inputs",
                error(List.of(new EncodedExample("g", List.of(a, a), new Target.Ranking(2))), rank));
        assertEquals("example 'g' input 1: pooling TEXT_IMAGE_PRODUCT reads the pooled image, but the input has no image",
                error(List.of(new EncodedExample("g", List.of(a, ModelInput.text(new int[] {0, 2})), new Target.Ranking(0))), rank));
    }

    @Test
    void groupsAreContiguousRowsAndSlicesKeepThem() {
        HeadSpec rank = new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT);
        ModelInput a = ModelInput.imageText(IMG, new int[] {0, 5, 2});
        ModelInput b = ModelInput.imageText(IMG, new int[] {0, 6, 7, 2});
        TaskBatch batch = TaskBatch.of(List.of(
                new EncodedExample("g0", List.of(a, b, a), new Target.Ranking(1)),
                new EncodedExample("g1", List.of(b, a), new Target.Ranking(0)),
                new EncodedExample("g2", List.of(a, a, b, b), new Target.Ranking(3))), rank, C);
        assertEquals(9, batch.input().batchSize());
        assertEquals(3, batch.lossCount());
        int[] first = {0, 3, 5, 9};
        for (int i = 0; i <= 3; i++) {
            assertEquals(first[i], batch.firstInput(i));
        }
        TaskBatch tail = batch.slice(1, 3);
        assertEquals(2, tail.size());
        assertEquals(6, tail.input().batchSize());
        assertEquals(0, tail.firstInput(0));
        assertEquals(2, tail.firstInput(1));
        assertEquals(6, tail.firstInput(2));
        assertEquals("g1", tail.examples().get(0).id());
        assertEquals(4, tail.input().textLength(0));
    }

    @Test
    void generationTargetsFollowTheSource() {
        TaskBatch batch = TaskBatch.of(List.of(
                EncodedExample.single("full", new ModelInput(new int[] {0, 5, 2, 7, 8, 2}, 3, null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[] {7, 8, 2})),
                EncodedExample.single("source", new ModelInput(new int[] {0, 9, 10, 2}, 4, IMG, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[] {11, 2}))), SEQ2SEQ, C);
        assertArrayEquals(new int[] {0, 9, 10, 2, 11, 2}, batch.inputs().get(1).textIds(), "the target is appended to a bare source");
        assertEquals(4, batch.inputs().get(1).sourceLength());
        assertEquals(5, batch.lossCount());
        assertArrayEquals(new int[] {7, 8, 2, 11, 2}, batch.targetLabels());
        int seq = batch.input().seqLength();
        int rs = batch.input().regionSlots();
        assertEquals(3, rs, "2 regions and [IMG]");
        // outputs at the last source token and at every target token but the last
        assertArrayEquals(new long[] {rs + 2, rs + 3, rs + 4, seq + rs + 3, seq + rs + 4}, batch.targetRows());
        assertTrue(batch.slice(1, 2).lossCount() == 2);
    }

    @Test
    void generationInputsAreChecked() {
        assertEquals("example 'm': the input's text after its 3 source ids differs from the target ids "
                        + "(carry the target after the source, or the source alone)",
                error(List.of(EncodedExample.single("m", new ModelInput(new int[] {0, 5, 2, 7, 2}, 3, null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[] {8, 2}))), SEQ2SEQ));
        assertEquals("example 'k': input attention CAPTION, the head generates with SEQ2SEQ",
                error(List.of(EncodedExample.single("k", new ModelInput(new int[] {0}, 1, IMG, AttentionKind.CAPTION),
                        new Target.Tokens(new int[] {8, 2}))), SEQ2SEQ));
        assertEquals("example 'z': generation needs at least one source token (e.g. [CLS] for captioning)",
                error(List.of(EncodedExample.single("z", new ModelInput(new int[] {5, 2}, 0, null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[] {5, 2}))), SEQ2SEQ));
        assertEquals("example 'e': the target has no token",
                error(List.of(EncodedExample.single("e", new ModelInput(new int[] {0, 2}, 2, null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[0]))), SEQ2SEQ));
        assertEquals("example 'long': 9 text ids, the model takes at most 8",
                error(List.of(EncodedExample.single("long", new ModelInput(new int[] {0, 5, 6, 7, 2}, 5, null, AttentionKind.SEQ2SEQ),
                        new Target.Tokens(new int[] {5, 6, 7, 2}))), SEQ2SEQ));
    }
}
