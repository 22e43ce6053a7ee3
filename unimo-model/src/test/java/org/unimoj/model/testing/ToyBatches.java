package org.unimoj.model.testing;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.PairRef;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.RegionTargets;
import org.unimoj.model.pretrain.TokenTargets;

/** Small configurations and batches that exercise every input kind, pattern and objective. */
public final class ToyBatches {

    private ToyBatches() {}

    /** 2 layers, hidden 8, 2 heads, vocabulary 20, features of 6, 3 regions, 4 classes, dropout on. */
    public static UnimoConfig tinyConfig() {
        return new UnimoConfig("test", 2, 8, 2, 16, 20, 10, 6, 3, 4, 0.1, 0.1, 1e-5, 0.3, 1, 0.2, true);
    }

    public static RegionFeatures image(String id, int boxes, int dim, long seed) {
        float[] f = Arrays2.gaussian(seed, 1, DataType.FLOAT, boxes * dim).toFloatVector();
        float[] b = new float[boxes * 4];
        for (int i = 0; i < boxes; i++) {
            b[4 * i] = 2 * i;
            b[4 * i + 1] = i;
            b[4 * i + 2] = 2 * i + 5;
            b[4 * i + 3] = i + 4;
        }
        return RegionFeatures.of(id, 20, 10, dim, b, f);
    }

    /**
     * Six examples: 0 image-text (bidirectional), 1 image-text positive rewrite, 2 image-text hard
     * negative, 3 text-only seq2seq, 4 image-only (a retrieved image), 5 image-text captioning.
     */
    public static List<ModelInput> mixedInputs(UnimoConfig c) {
        RegionFeatures img0 = image("img0", 3, c.featureDim(), 11);
        RegionFeatures img1 = image("img1", 2, c.featureDim(), 12);
        return List.of(
                ModelInput.imageText(img0, new int[] {0, 5, 6, 7, 2}),
                ModelInput.imageText(img0, new int[] {0, 5, 8, 2}),
                ModelInput.imageText(img0, new int[] {0, 9, 6, 7, 10, 2}),
                new ModelInput(new int[] {0, 11, 12, 2, 13, 14, 2}, 4, null, AttentionKind.SEQ2SEQ),
                ModelInput.image(img1),
                new ModelInput(new int[] {0, 15, 16, 2}, 1, img1, AttentionKind.CAPTION));
    }

    /** The mixed inputs with targets for every objective. */
    public static PretrainBatch everyObjective(UnimoConfig c, DataType dtype) {
        EncoderBatch in = EncoderBatch.of(mixedInputs(c), c);
        TokenTargets mlm = new TokenTargets(new int[] {0, 0, 2, 1}, new int[] {1, 3, 4, 2}, new int[] {5, 7, 10, 8}, 0.1);
        TokenTargets s2s = new TokenTargets(new int[] {3, 3, 3, 5, 5}, new int[] {3, 4, 5, 0, 1},
                new int[] {13, 14, 2, 15, 16}, 0.0);
        INDArray feats = Arrays2.gaussian(21, 1, dtype, 3, c.featureDim());
        INDArray probs = Arrays2.gaussian(22, 1, dtype, 3, c.regionClasses());
        probs = org.nd4j.linalg.ops.transforms.Transforms.softmax(probs, false);
        RegionTargets mrm = new RegionTargets(new int[] {0, 4, 5}, new int[] {2, 0, 1}, feats, probs);
        List<ContrastiveGroup> cmcl = List.of(
                new ContrastiveGroup(List.of(new PairRef(0, 0), new PairRef(1, 1), new PairRef(4, 0), new PairRef(0, 3)),
                        List.of(new PairRef(2, 2))),
                new ContrastiveGroup(List.of(new PairRef(5, 5)), List.of(new PairRef(5, 0), new PairRef(0, 5))));
        return new PretrainBatch(in, mlm, mrm, s2s, cmcl);
    }
}
