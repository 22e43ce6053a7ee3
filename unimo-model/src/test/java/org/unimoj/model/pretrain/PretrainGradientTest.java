package org.unimoj.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.testing.Arrays2;
import org.unimoj.model.testing.GradientCheck;
import org.unimoj.model.testing.ToyBatches;

/** The whole encoder with every head, in double precision, against finite differences. */
class PretrainGradientTest {

    @Test
    void everyObjectiveThroughTheWholeEncoder() {
        UnimoConfig c = ToyBatches.tinyConfig();
        UnimoPretrainModel model = UnimoPretrainModel.create(c, DataType.DOUBLE, 3);
        PretrainBatch batch = ToyBatches.everyObjective(c, DataType.DOUBLE);
        assertEquals(EnumSet.allOf(Objective.class), batch.objectives());
        model.parameters().zeroGrads();
        ObjectiveLosses l = model.forwardBackward(batch, StepRandom.forStep(7, 2), 1.0);
        for (Objective o : Objective.values()) {
            assertTrue(l.get(o) > 0, o + " loss " + l.get(o));
        }
        GradientCheck.Report r = GradientCheck.params(model.parameters(),
                () -> model.losses(batch, StepRandom.forStep(7, 2)).total(), 12, 4);
        r.assertPassed();
        assertTrue(r.checked() > 400, "checked " + r.checked());
    }

    @Test
    void encoderTakesGradientsAtItsThreeOutputs() {
        UnimoConfig c = ToyBatches.tinyConfig().withDropout(0, 0);
        UnimoPretrainModel model = UnimoPretrainModel.create(c, DataType.DOUBLE, 5);
        EncoderBatch in = EncoderBatch.of(ToyBatches.mixedInputs(c), c);
        EncoderPass pass = model.encoder().forward(in, null);
        INDArray rs = Arrays2.gaussian(31, 1, DataType.DOUBLE, pass.sequence().shape());
        INDArray rt = Arrays2.gaussian(32, 1, DataType.DOUBLE, pass.pooledText().shape());
        INDArray ri = Arrays2.gaussian(33, 1, DataType.DOUBLE, pass.pooledImage().shape());
        model.parameters().zeroGrads();
        model.encoder().backward(pass, rs, rt, ri);
        GradientCheck.params(model.parameters(), () -> {
            EncoderPass p = model.encoder().forward(in, null);
            return Arrays2.dot(p.sequence(), rs) + Arrays2.dot(p.pooledText(), rt) + Arrays2.dot(p.pooledImage(), ri);
        }, 12, 6).assertPassed();
    }
}
