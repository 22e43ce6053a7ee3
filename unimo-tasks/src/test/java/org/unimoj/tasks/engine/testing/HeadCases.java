package org.unimoj.tasks.engine.testing;

import java.util.List;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.UnimoConfig;

/** One head of every kind (and every pooling) with a small batch for it, on {@link Toys#gradConfig()}. */
public final class HeadCases {

    public record Case(String name, HeadSpec head, List<EncodedExample> examples) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HeadCases() {}

    public static List<Case> all() {
        UnimoConfig c = Toys.gradConfig();
        int dim = c.featureDim();
        RegionFeatures a = Toys.randomImage("a", 3, dim, 1);
        RegionFeatures b = Toys.randomImage("b", 2, dim, 2);
        RegionFeatures d = Toys.randomImage("d", 1, dim, 3);
        GenerationSettings greedy = new GenerationSettings(1, 0.0, 0, 3, false);
        return List.of(
                new Case("classify/text/linear/smoothing", new HeadSpec.Classify(3, Pooling.TEXT, 0, false, 0.1f), List.of(
                        EncodedExample.single("t0", ModelInput.text(new int[] {0, 5, 6, 2}), new Target.ClassLabel(1)),
                        EncodedExample.single("t1", ModelInput.imageText(a, new int[] {0, 8, 9, 7, 2}), new Target.ClassLabel(2)),
                        EncodedExample.single("t2", ModelInput.text(new int[] {0, 9, 2}), new Target.ClassLabel(0)))),
                new Case("classify/concat/mlp", new HeadSpec.Classify(4, Pooling.TEXT_IMAGE_CONCAT, 6, false, 0f), List.of(
                        EncodedExample.single("c0", ModelInput.imageText(a, new int[] {0, 5, 6, 2}), new Target.ClassLabel(3)),
                        EncodedExample.single("c1", ModelInput.imageText(b, new int[] {0, 7, 2}), new Target.ClassLabel(0)),
                        EncodedExample.single("c2", ModelInput.imageText(d, new int[] {0, 11, 12, 13, 2}), new Target.ClassLabel(3)))),
                new Case("classify/product/mlp/soft", new HeadSpec.Classify(5, Pooling.TEXT_IMAGE_PRODUCT, 5, true, 0f), List.of(
                        EncodedExample.single("v0", ModelInput.imageText(a, new int[] {0, 5, 6, 2}), new Target.SoftLabels(new float[] {0, 0.3f, 1, 0, 0.6f})),
                        EncodedExample.single("v1", ModelInput.imageText(b, new int[] {0, 7, 2}), new Target.SoftLabels(new float[] {1, 0, 0, 0, 0})),
                        EncodedExample.single("v2", ModelInput.imageText(d, new int[] {0, 14, 2}), new Target.SoftLabels(new float[] {0, 0, 0, 0.9f, 0.3f})))),
                new Case("regress/image/mlp", new HeadSpec.Regress(Pooling.IMAGE, 4), List.of(
                        EncodedExample.single("r0", ModelInput.image(a), new Target.Value(1.5f)),
                        EncodedExample.single("r1", ModelInput.imageText(b, new int[] {0, 6, 2}), new Target.Value(-0.5f)),
                        EncodedExample.single("r2", ModelInput.image(d), new Target.Value(3f)))),
                new Case("regress/text/linear", new HeadSpec.Regress(Pooling.TEXT, 0), List.of(
                        EncodedExample.single("s0", ModelInput.text(new int[] {0, 5, 6, 2}), new Target.Value(4.2f)),
                        EncodedExample.single("s1", ModelInput.text(new int[] {0, 7, 2, 8, 2}), new Target.Value(0.1f)))),
                new Case("rank/product", new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT), List.of(
                        new EncodedExample("g0", List.of(ModelInput.imageText(a, new int[] {0, 5, 2}), ModelInput.imageText(a, new int[] {0, 6, 7, 2}),
                                ModelInput.imageText(b, new int[] {0, 5, 2})), new Target.Ranking(1)),
                        new EncodedExample("g1", List.of(ModelInput.imageText(d, new int[] {0, 9, 2}), ModelInput.imageText(d, new int[] {0, 10, 11, 2})),
                                new Target.Ranking(0)))),
                new Case("rank/concat", new HeadSpec.Rank(Pooling.TEXT_IMAGE_CONCAT), List.of(
                        new EncodedExample("h0", List.of(ModelInput.imageText(a, new int[] {0, 5, 2}), ModelInput.imageText(b, new int[] {0, 5, 2})),
                                new Target.Ranking(1)))),
                new Case("generate/seq2seq/smoothing", new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0.1f, greedy), List.of(
                        EncodedExample.single("q0", new ModelInput(new int[] {0, 5, 6, 2, 7, 8, 2}, 4, null, AttentionKind.SEQ2SEQ),
                                new Target.Tokens(new int[] {7, 8, 2})),
                        // the source alone: the batch appends the target
                        EncodedExample.single("q1", new ModelInput(new int[] {0, 9, 2}, 3, b, AttentionKind.SEQ2SEQ),
                                new Target.Tokens(new int[] {10, 2})))),
                new Case("generate/caption", new HeadSpec.Generate(AttentionKind.CAPTION, 0f, greedy), List.of(
                        EncodedExample.single("p0", new ModelInput(new int[] {0}, 1, a, AttentionKind.CAPTION), new Target.Tokens(new int[] {11, 12, 2})),
                        EncodedExample.single("p1", new ModelInput(new int[] {0, 13, 2}, 1, d, AttentionKind.CAPTION), new Target.Tokens(new int[] {13, 2})))));
    }
}
