package org.unimoj.tasks.engine.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.batch.TaskBatch;
import org.unimoj.tasks.engine.testing.GradientCheck;
import org.unimoj.tasks.engine.testing.HeadCases;
import org.unimoj.tasks.engine.testing.Toys;

/**
 * Every head against central finite differences in double precision (max relative error 1e-5):
 * the head alone (its parameters and the gradients it hands the encoder) and head plus encoder
 * (every parameter of the model, dropout on).
 */
class HeadGradientTest {

    static List<HeadCases.Case> cases() {
        return HeadCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headAlone(HeadCases.Case k) {
        TaskModel m = TaskModel.create(Toys.gradConfig(), k.head(), DataType.DOUBLE, 17);
        TaskBatch batch = m.batch(k.examples());
        EncoderPass pass = m.encode(batch.input());
        TaskHead head = m.taskHead();
        DoubleSupplier loss = () -> head.run(pass, batch, StepRandom.forStep(3, 1), 1.0, false).loss();
        m.parameters().zeroGrads();
        HeadOutcome o = head.run(pass, batch, StepRandom.forStep(3, 1), 1.0, true);
        assertEquals(loss.getAsDouble(), o.loss(), 1e-12, "the training call reports the loss it differentiates");
        assertTrue(o.loss() > 0, "loss " + o.loss());
        boolean generate = k.head() instanceof HeadSpec.Generate;
        GradientCheck.params(m.parameters(), loss, 20, 5, name -> name.startsWith(TaskHead.PREFIX)
                || generate && (name.startsWith("lm_head.") || name.equals("roberta.embeddings.word_embeddings.weight"))).assertPassed();
        int inputs = 0;
        if (o.dPooledText() != null) {
            GradientCheck.input("pooled text", pass.pooledText(), o.dPooledText(), loss, 30, 6).assertPassed();
            inputs++;
        }
        if (o.dPooledImage() != null) {
            GradientCheck.input("pooled image", pass.pooledImage(), o.dPooledImage(), loss, 30, 7).assertPassed();
            inputs++;
        }
        if (o.dSequence() != null) {
            GradientCheck.input("sequence", pass.sequence(), o.dSequence(), loss, 60, 8).assertPassed();
            inputs++;
        }
        assertTrue(inputs > 0, "the head hands the encoder a gradient");

        // gradScale scales every gradient the head produces
        INDArray full = m.parameters().grads().dup();
        m.parameters().zeroGrads();
        head.run(pass, batch, StepRandom.forStep(3, 1), 0.25, true);
        assertEquals(0.25 * full.norm2Number().doubleValue(), m.parameters().grads().norm2Number().doubleValue(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headWithEncoder(HeadCases.Case k) {
        TaskModel m = TaskModel.create(Toys.gradConfig(), k.head(), DataType.DOUBLE, 23);
        TaskBatch batch = m.batch(k.examples());
        m.parameters().zeroGrads();
        HeadOutcome o = m.forwardBackward(batch, StepRandom.forStep(7, 2), 1.0);
        DoubleSupplier loss = () -> m.loss(batch, StepRandom.forStep(7, 2)).loss();
        assertEquals(loss.getAsDouble(), o.loss(), 1e-12);
        // every parameter: the head's densely, the encoder's (checked in depth by unimo-model) a few entries each
        java.util.function.Predicate<String> ofHead = name -> name.startsWith(TaskHead.PREFIX) || name.startsWith("lm_head.");
        GradientCheck.Report h = GradientCheck.params(m.parameters(), loss, 8, 9, ofHead);
        GradientCheck.Report e = GradientCheck.params(m.parameters(), loss, 2, 10, ofHead.negate());
        h.assertPassed();
        e.assertPassed();
        assertTrue(e.checked() > 60, "checked " + e.checked() + " encoder entries");
    }
}
