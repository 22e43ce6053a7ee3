package org.unimoj.model.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.PairRef;
import org.unimoj.model.loss.SoftmaxCrossEntropy;
import org.unimoj.model.testing.Arrays2;
import org.unimoj.model.testing.ToyBatches;

/**
 * Joining batches: the joined batch is the batch the parts were cut from (structure), and its
 * gradient is the sum of the parts' gradients computed as parts of one larger batch (what
 * multi-node training relies on).
 */
class PretrainBatchesTest {

    private static final UnimoConfig CONFIG = ToyBatches.tinyConfig();
    private static final int PAD = CONFIG.padTokenId();

    // ---- structure ----

    @Test
    void joiningTheShardsOfABatchGivesTheBatchBack() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            List<ModelInput> inputs = randomInputs(rnd, 3 + rnd.nextInt(6));
            PretrainBatch b = randomTargets(rnd, EncoderBatch.of(inputs, CONFIG));
            int n = b.input().batchSize();
            for (int k = 1; k < n; k++) {
                // the parts keep b's padding
                assertSameBatch(b, PretrainBatches.concat(List.of(b.shard(0, k), b.shard(k, n)), PAD), "trial " + trial + " k " + k);
                // each part padded to its own longest text and largest image, as a cluster member pads
                PretrainBatch own0 = repad(b.shard(0, k), EncoderBatch.of(inputs.subList(0, k), CONFIG));
                PretrainBatch own1 = repad(b.shard(k, n), EncoderBatch.of(inputs.subList(k, n), CONFIG));
                assertSameBatch(b, PretrainBatches.concat(List.of(own0, own1), PAD), "own padding, trial " + trial + " k " + k);
            }
            // three parts, the middle one padded wider than needed with arbitrary ids and junk beyond its regions
            int k1 = 1 + rnd.nextInt(n - 1);
            int k2 = k1 + rnd.nextInt(n - k1 + 1);
            List<PretrainBatch> parts = new ArrayList<>(List.of(b.shard(0, k1)));
            if (k2 > k1) {
                PretrainBatch mid = b.shard(k1, k2);
                parts.add(repad(mid, widen(mid.input(), 3, 2, rnd)));
            }
            if (k2 < n) {
                parts.add(b.shard(k2, n));
            }
            PretrainBatch joined = PretrainBatches.concat(parts, PAD);
            assertTrue(joined.input().textLength() >= b.input().textLength());
            assertSameExamples(b.input(), joined.input(), "wide padding, trial " + trial);
            assertSameTargets(b, joined, "wide padding, trial " + trial);
        }
    }

    @Test
    void contrastiveGroupsAreOffsetByThePrecedingParts() {
        Random rnd = new Random(2);
        List<PretrainBatch> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            PretrainBatch b = randomTargets(rnd, EncoderBatch.of(randomInputs(rnd, 2 + rnd.nextInt(4)), CONFIG));
            parts.add(new PretrainBatch(b.input(), b.mlm(), b.mrm(), b.seq2seq(), p == 2 ? null : randomGroups(rnd, b.input())));
        }
        PretrainBatch joined = PretrainBatches.concat(parts, PAD);
        List<ContrastiveGroup> expected = new ArrayList<>();
        int offset = 0;
        for (PretrainBatch p : parts) {
            if (p.cmcl() != null) {
                for (ContrastiveGroup g : p.cmcl()) {
                    expected.add(new ContrastiveGroup(shifted(g.positives(), offset), shifted(g.negatives(), offset)));
                }
            }
            offset += p.input().batchSize();
        }
        assertEquals(expected, joined.cmcl());
        assertEquals(parts.stream().mapToDouble(p -> p.weight(Objective.CMCL)).sum(), joined.weight(Objective.CMCL));
        for (Objective o : Objective.values()) {
            assertEquals(parts.stream().mapToDouble(p -> p.weight(o)).sum(), joined.weight(o), o.toString());
        }

        List<PretrainBatch> none = parts.stream().map(p -> new PretrainBatch(p.input(), p.mlm(), p.mrm(), p.seq2seq(), null)).toList();
        assertNull(PretrainBatches.concat(none, PAD).cmcl());
    }

    @Test
    void aTargetKindMissingFromSomePartsJoinsTheOthersOnly() {
        Random rnd = new Random(3);
        PretrainBatch a = randomTargets(rnd, EncoderBatch.of(randomInputs(rnd, 4), CONFIG));
        PretrainBatch b = randomTargets(rnd, EncoderBatch.of(randomInputs(rnd, 5), CONFIG));
        PretrainBatch bare = new PretrainBatch(b.input(), null, null, null, null);
        PretrainBatch joined = PretrainBatches.concat(List.of(a, bare), PAD);
        assertArrayEquals(a.mlm().examples(), joined.mlm().examples());
        assertArrayEquals(a.mlm().labels(), joined.mlm().labels());
        assertEquals(a.mrm() == null, joined.mrm() == null);
        PretrainBatch joined2 = PretrainBatches.concat(List.of(bare, a), PAD);
        int n = b.input().batchSize();
        assertArrayEquals(Arrays.stream(a.mlm().examples()).map(e -> e + n).toArray(), joined2.mlm().examples());
        assertArrayEquals(a.mlm().positions(), joined2.mlm().positions());
        assertArrayEquals(Arrays.stream(a.seq2seq().examples()).map(e -> e + n).toArray(), joined2.seq2seq().examples());
        PretrainBatch bothBare = PretrainBatches.concat(List.of(bare, new PretrainBatch(a.input(), null, null, null, null)), PAD);
        assertNull(bothBare.mlm());
        assertNull(bothBare.mrm());
        assertNull(bothBare.seq2seq());
        assertNull(bothBare.cmcl());
    }

    @Test
    void disagreeingPartsAreRejected() {
        Random rnd = new Random(4);
        PretrainBatch a = randomTargets(rnd, EncoderBatch.of(randomInputs(rnd, 4), CONFIG));
        PretrainBatch b = randomTargets(rnd, EncoderBatch.of(randomInputs(rnd, 4), CONFIG));
        TokenTargets m = b.mlm();
        PretrainBatch otherSmoothing = new PretrainBatch(b.input(),
                new TokenTargets(m.examples(), m.positions(), m.labels(), m.labelSmoothing() + 0.1), b.mrm(), b.seq2seq(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PretrainBatches.concat(List.of(a, otherSmoothing), PAD));
        assertTrue(e.getMessage().contains("label smoothing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PretrainBatches.concat(List.of(), PAD));
    }

    // ---- gradients ----

    /**
     * The gradient of the joined batch on one worker equals the sum of the parts' gradients, each
     * computed as a part of the whole ({@code totalWeight} = the parts' summed weights), though the
     * parts are padded differently (short texts and few regions, long texts and full images, text
     * only). In double precision every element agrees to 1e-9 relative, so the float differences
     * below are rounding: about 1e-6 absolute on gradients of order 1, which makes the elementwise
     * relative difference large only where an element is a near-cancelling sum (the CMCL
     * temperature's gradient, about 3e-4); the float check is therefore on the relative L2 norm.
     */
    @Test
    void inDoubleTheJoinedBatchsGradientIsTheSumOfThePartsGradientsElementwise() {
        double[] gap = gradientGap(DataType.DOUBLE);
        System.out.printf("DOUBLE joined vs summed part gradients: max |a-b|/max(|a|,|b|,1e-3) %.3g, relative L2 %.3g%n", gap[0], gap[1]);
        assertTrue(gap[0] < 1e-9, "max |a-b| / max(|a|, |b|, 1e-3) = " + gap[0]);
    }

    @Test
    void inFloatTheJoinedBatchsGradientIsTheSumOfThePartsGradients() {
        double[] gap = gradientGap(DataType.FLOAT);
        System.out.printf("FLOAT joined vs summed part gradients: max |a-b|/max(|a|,|b|,1e-3) %.3g, relative L2 %.3g%n", gap[0], gap[1]);
        assertTrue(gap[1] < 1e-5, "relative L2 difference " + gap[1]);
    }

    /** The largest elementwise relative and relative L2 differences over several joins. */
    private static double[] gradientGap(DataType dtype) {
        UnimoConfig c = CONFIG.withDropout(0, 0);
        PretrainBatch shortOnes = shortTextsFewRegions(c, dtype);
        PretrainBatch longOnes = longTextsFullImages(c, dtype);
        PretrainBatch textOnly = textOnly();
        assertTrue(shortOnes.input().textLength() < longOnes.input().textLength());
        assertTrue(shortOnes.input().maxRegions() < longOnes.input().maxRegions());
        double worst = 0;
        double worstL2 = 0;
        for (List<PretrainBatch> parts : List.of(List.of(shortOnes, longOnes), List.of(longOnes, shortOnes),
                List.of(textOnly, shortOnes), List.of(shortOnes, textOnly, longOnes))) {
            PretrainBatch joined = PretrainBatches.concat(parts, c.padTokenId());
            UnimoPretrainModel model = UnimoPretrainModel.create(c, dtype, 21);
            try (DataParallelStep step = new DataParallelStep(model, 1)) {
                model.parameters().zeroGrads();
                ObjectiveLosses whole = step.forwardBackward(joined, 5, 3, 1.0);
                INDArray expected = model.parameters().gradientSlot(0).dup();

                model.parameters().zeroGrads();
                double[] partLoss = new double[Objective.values().length];
                for (PretrainBatch p : parts) {
                    ObjectiveLosses l = step.forwardBackward(p, 5, 3, 1.0, 0, o -> parts.stream().mapToDouble(q -> q.weight(o)).sum());
                    for (Objective o : Objective.values()) {
                        partLoss[o.ordinal()] += l.losses().getOrDefault(o, 0.0);
                    }
                }
                INDArray summed = model.parameters().gradientSlot(0).dup();

                String what = dtype + ", " + parts.size() + " parts of " + parts.stream().map(p -> p.input().batchSize() + "").toList() + " examples";
                for (Objective o : joined.objectives()) {
                    assertTrue(whole.get(o) > 0, what + ": " + o + " is scored");
                    assertEquals(whole.get(o), partLoss[o.ordinal()], 1e-5 * Math.abs(whole.get(o)), what + ": " + o + " loss");
                }
                assertTrue(expected.norm2Number().doubleValue() > 1e-3, what + ": a gradient to compare");
                worst = Math.max(worst, maxRelativeDifference(expected, summed));
                worstL2 = Math.max(worstL2, expected.sub(summed).norm2Number().doubleValue() / expected.norm2Number().doubleValue());
            }
        }
        return new double[] {worst, worstL2};
    }

    /** Largest {@code |a_i - b_i| / max(|a_i|, |b_i|, 1e-3)} over the elements. */
    private static double maxRelativeDifference(INDArray a, INDArray b) {
        double[] x = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] y = b.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.max(Math.max(Math.abs(x[i]), Math.abs(y[i])), 1e-3));
        }
        return worst;
    }

    /** Texts of 3-4 tokens, images of 1-2 regions; MLM, MRM (both heads) and CMCL with a retrieved image. */
    private static PretrainBatch shortTextsFewRegions(UnimoConfig c, DataType dtype) {
        RegionFeatures one = ToyBatches.image("a1", 1, c.featureDim(), 41);
        RegionFeatures two = ToyBatches.image("a2", 2, c.featureDim(), 42);
        EncoderBatch in = EncoderBatch.of(List.of(
                ModelInput.imageText(one, new int[] {0, 5, 2}),
                ModelInput.imageText(two, new int[] {0, 6, 7, 2}),
                ModelInput.image(one)), c);
        TokenTargets mlm = new TokenTargets(new int[] {0, 1}, new int[] {1, 2}, new int[] {5, 7}, 0.1);
        RegionTargets mrm = regionTargets(c, dtype, new int[] {0, 1}, new int[] {0, 1}, 43);
        List<ContrastiveGroup> cmcl = List.of(
                new ContrastiveGroup(List.of(new PairRef(0, 0)), List.of(new PairRef(1, 0), new PairRef(0, 1))),
                new ContrastiveGroup(List.of(new PairRef(1, 1), new PairRef(2, 1)), List.of(new PairRef(0, 1))));
        return new PretrainBatch(in, mlm, mrm, null, cmcl);
    }

    /** Texts of 6-8 tokens, images of 3 regions; MLM (one ignored label), seq2seq, captioning, MRM and CMCL. */
    private static PretrainBatch longTextsFullImages(UnimoConfig c, DataType dtype) {
        RegionFeatures b1 = ToyBatches.image("b1", 3, c.featureDim(), 51);
        RegionFeatures b2 = ToyBatches.image("b2", 3, c.featureDim(), 52);
        EncoderBatch in = EncoderBatch.of(List.of(
                ModelInput.imageText(b1, new int[] {0, 9, 10, 11, 12, 13, 14, 2}),
                new ModelInput(new int[] {0, 11, 12, 2, 13, 14, 15, 2}, 4, null, AttentionKind.SEQ2SEQ),
                new ModelInput(new int[] {0, 15, 16, 17, 18, 19, 2}, 1, b2, AttentionKind.CAPTION),
                ModelInput.text(new int[] {0, 8, 9, 10, 4, 2})), c);
        TokenTargets mlm = new TokenTargets(new int[] {0, 0, 3, 3}, new int[] {3, 6, 2, 4},
                new int[] {11, 14, 9, SoftmaxCrossEntropy.IGNORE}, 0.1);
        TokenTargets s2s = new TokenTargets(new int[] {1, 1, 1, 1, 2, 2, 2, 2, 2, 2}, new int[] {3, 4, 5, 6, 0, 1, 2, 3, 4, 5},
                new int[] {13, 14, 15, 2, 15, 16, 17, 18, 19, 2}, 0.0);
        RegionTargets mrm = regionTargets(c, dtype, new int[] {0, 2}, new int[] {2, 0}, 53);
        List<ContrastiveGroup> cmcl = List.of(
                new ContrastiveGroup(List.of(new PairRef(0, 0), new PairRef(0, 3)), List.of(new PairRef(2, 0), new PairRef(0, 2))));
        return new PretrainBatch(in, mlm, mrm, s2s, cmcl);
    }

    /** A batch without any image (no region part at all), MLM only. */
    private static PretrainBatch textOnly() {
        EncoderBatch in = EncoderBatch.of(List.of(ModelInput.text(new int[] {0, 3, 4, 5, 2}), ModelInput.text(new int[] {0, 6, 2})), CONFIG);
        return new PretrainBatch(in, new TokenTargets(new int[] {0, 1}, new int[] {2, 1}, new int[] {4, 6}, 0.1), null, null, null);
    }

    private static RegionTargets regionTargets(UnimoConfig c, DataType dtype, int[] examples, int[] regions, long seed) {
        INDArray feats = Arrays2.gaussian(seed, 1, dtype, examples.length, c.featureDim());
        INDArray probs = Transforms.softmax(Arrays2.gaussian(seed + 1, 1, dtype, examples.length, c.regionClasses()), false);
        return new RegionTargets(examples, regions, feats, probs);
    }

    // ---- random fixtures ----

    /** Image-text, text-only (bidirectional or seq2seq), image-only and captioning examples of random sizes. */
    private static List<ModelInput> randomInputs(Random rnd, int n) {
        List<ModelInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = 2 + rnd.nextInt(CONFIG.maxTextLength() - 1);
            int[] ids = new int[len];
            for (int t = 0; t < len; t++) {
                ids[t] = 2 + rnd.nextInt(CONFIG.vocabSize() - 2);
            }
            RegionFeatures img = ToyBatches.image("i" + i, 1 + rnd.nextInt(CONFIG.maxRegions()), CONFIG.featureDim(), rnd.nextLong());
            out.add(switch (rnd.nextInt(5)) {
                case 0 -> ModelInput.imageText(img, ids);
                case 1 -> ModelInput.text(ids);
                case 2 -> new ModelInput(ids, 1 + rnd.nextInt(len - 1), null, AttentionKind.SEQ2SEQ);
                case 3 -> ModelInput.image(img);
                default -> new ModelInput(ids, 1, img, AttentionKind.CAPTION);
            });
        }
        return out;
    }

    /** Random MLM, seq2seq and MRM targets for {@code in}, in example order (as a batcher emits them). */
    private static PretrainBatch randomTargets(Random rnd, EncoderBatch in) {
        List<int[]> mlm = new ArrayList<>();
        List<int[]> s2s = new ArrayList<>();
        List<int[]> mrm = new ArrayList<>();
        for (int b = 0; b < in.batchSize(); b++) {
            for (int t = 0; t < in.textLength(b); t++) {
                int u = rnd.nextInt(4);
                int label = rnd.nextInt(6) == 0 ? SoftmaxCrossEntropy.IGNORE : rnd.nextInt(CONFIG.vocabSize());
                if (u == 0) {
                    mlm.add(new int[] {b, t, label});
                } else if (u == 1) {
                    s2s.add(new int[] {b, t, label});
                }
            }
            for (int r = 0; r < Math.max(0, in.regionCount(b)); r++) {
                if (rnd.nextBoolean()) {
                    mrm.add(new int[] {b, r});
                }
            }
        }
        // keep every kind present somewhere so the checks see them
        if (mlm.isEmpty()) {
            mlm.add(new int[] {firstText(in), 0, 7});
        }
        if (s2s.isEmpty()) {
            s2s.add(new int[] {firstText(in), 0, 8});
        }
        RegionTargets regions = null;
        if (!mrm.isEmpty()) {
            INDArray feats = Arrays2.gaussian(rnd.nextLong(), 1, DataType.FLOAT, mrm.size(), CONFIG.featureDim());
            INDArray probs = Transforms.softmax(Arrays2.gaussian(rnd.nextLong(), 1, DataType.FLOAT, mrm.size(), CONFIG.regionClasses()), false);
            regions = new RegionTargets(mrm.stream().mapToInt(x -> x[0]).toArray(), mrm.stream().mapToInt(x -> x[1]).toArray(), feats, probs);
        }
        return new PretrainBatch(in, tokens(mlm, 0.1), regions, tokens(s2s, 0.0), null);
    }

    private static int firstText(EncoderBatch in) {
        for (int b = 0; b < in.batchSize(); b++) {
            if (in.textLength(b) > 0) {
                return b;
            }
        }
        throw new IllegalStateException("a random batch without text");
    }

    private static TokenTargets tokens(List<int[]> t, double smoothing) {
        return new TokenTargets(t.stream().mapToInt(x -> x[0]).toArray(), t.stream().mapToInt(x -> x[1]).toArray(),
                t.stream().mapToInt(x -> x[2]).toArray(), smoothing);
    }

    private static List<ContrastiveGroup> randomGroups(Random rnd, EncoderBatch in) {
        List<Integer> images = new ArrayList<>();
        List<Integer> texts = new ArrayList<>();
        for (int b = 0; b < in.batchSize(); b++) {
            if (in.regionCount(b) != EncoderBatch.NO_IMAGE) {
                images.add(b);
            }
            if (in.textLength(b) > 0) {
                texts.add(b);
            }
        }
        if (images.isEmpty() || texts.isEmpty()) {
            return List.of();
        }
        List<ContrastiveGroup> groups = new ArrayList<>();
        for (int g = 0; g < 1 + rnd.nextInt(3); g++) {
            List<PairRef> pos = new ArrayList<>();
            List<PairRef> neg = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(2); i++) {
                pos.add(new PairRef(images.get(rnd.nextInt(images.size())), texts.get(rnd.nextInt(texts.size()))));
            }
            for (int i = 0; i < rnd.nextInt(3); i++) {
                neg.add(new PairRef(images.get(rnd.nextInt(images.size())), texts.get(rnd.nextInt(texts.size()))));
            }
            groups.add(new ContrastiveGroup(pos, neg));
        }
        return groups;
    }

    private static List<PairRef> shifted(List<PairRef> pairs, int offset) {
        return pairs.stream().map(p -> new PairRef(p.image() + offset, p.text() + offset)).toList();
    }

    /** {@code part} with its input replaced by {@code input} (the same examples, padded otherwise). */
    private static PretrainBatch repad(PretrainBatch part, EncoderBatch input) {
        return new PretrainBatch(input, part.mlm(), part.mrm(), part.seq2seq(), part.cmcl());
    }

    /**
     * {@code in} padded {@code extraText} and {@code extraRegions} wider, the text padding holding
     * random (valid) ids and the new region padding random features: concat must not carry them over.
     */
    private static EncoderBatch widen(EncoderBatch in, int extraText, int extraRegions, Random rnd) {
        int n = in.batchSize();
        int t = in.textLength() + extraText;
        int r = in.maxRegions() + extraRegions;
        int[] ids = new int[n * t];
        int[] lengths = new int[n];
        int[] counts = new int[n];
        int[] sources = new int[n];
        AttentionKind[] kinds = new AttentionKind[n];
        int dim = CONFIG.featureDim();
        float[] feats = Arrays2.gaussian(rnd.nextLong(), 1, DataType.FLOAT, (long) n * r * dim).toFloatVector();
        float[] locs = Arrays2.gaussian(rnd.nextLong(), 1, DataType.FLOAT, (long) n * r * 5).toFloatVector();
        float[] inFeats = in.maxRegions() > 0 ? in.features().dup('c').data().asFloat() : null;
        float[] inLocs = in.maxRegions() > 0 ? in.locations().dup('c').data().asFloat() : null;
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < t; p++) {
                ids[b * t + p] = p < in.textLength(b) ? in.textId(b, p) : 2 + rnd.nextInt(CONFIG.vocabSize() - 2);
            }
            lengths[b] = in.textLength(b);
            counts[b] = in.regionCount(b);
            sources[b] = in.sourceLength(b);
            kinds[b] = in.kind(b);
            // the old padding (zeros) is kept; the new slots get random junk
            if (in.maxRegions() > 0) {
                System.arraycopy(inFeats, b * in.maxRegions() * dim, feats, b * r * dim, in.maxRegions() * dim);
                System.arraycopy(inLocs, b * in.maxRegions() * 5, locs, b * r * 5, in.maxRegions() * 5);
            }
        }
        INDArray f = org.nd4j.linalg.factory.Nd4j.createFromArray(feats).reshape('c', n, r, dim);
        INDArray l = org.nd4j.linalg.factory.Nd4j.createFromArray(locs).reshape('c', n, r, 5);
        return new EncoderBatch(n, t, ids, lengths, r, counts, f, l, kinds, sources);
    }

    // ---- comparisons ----

    private static void assertSameBatch(PretrainBatch expected, PretrainBatch got, String what) {
        EncoderBatch e = expected.input();
        EncoderBatch g = got.input();
        assertEquals(e.batchSize(), g.batchSize(), what);
        assertEquals(e.textLength(), g.textLength(), what);
        assertEquals(e.maxRegions(), g.maxRegions(), what);
        assertArrayEquals(e.textIds(), g.textIds(), what + ": text ids");
        assertFloatsEqual(e.features(), g.features(), what + ": features");
        assertFloatsEqual(e.locations(), g.locations(), what + ": locations");
        assertSameExamples(e, g, what);
        assertSameTargets(expected, got, what);
        assertNull(got.cmcl(), what);
    }

    /** Per-example fields, valid ids and valid regions equal; padding holds the pad id and zeros. */
    private static void assertSameExamples(EncoderBatch e, EncoderBatch g, String what) {
        assertEquals(e.batchSize(), g.batchSize(), what);
        for (int b = 0; b < e.batchSize(); b++) {
            String at = what + ", example " + b;
            assertEquals(e.textLength(b), g.textLength(b), at);
            assertEquals(e.regionCount(b), g.regionCount(b), at);
            assertEquals(e.kind(b), g.kind(b), at);
            assertEquals(e.sourceLength(b), g.sourceLength(b), at);
            for (int t = 0; t < g.textLength(); t++) {
                assertEquals(t < e.textLength(b) ? e.textId(b, t) : PAD, g.textId(b, t), at + ", text position " + t);
            }
            for (int r = 0; r < g.maxRegions(); r++) {
                INDArray gf = g.features().get(NDArrayIndex.point(b), NDArrayIndex.point(r), NDArrayIndex.all());
                INDArray gl = g.locations().get(NDArrayIndex.point(b), NDArrayIndex.point(r), NDArrayIndex.all());
                if (r < e.regionCount(b)) {
                    assertFloatsEqual(e.features().get(NDArrayIndex.point(b), NDArrayIndex.point(r), NDArrayIndex.all()), gf, at + ", region " + r);
                    assertFloatsEqual(e.locations().get(NDArrayIndex.point(b), NDArrayIndex.point(r), NDArrayIndex.all()), gl, at + ", location " + r);
                } else {
                    assertEquals(0.0, gf.amaxNumber().doubleValue(), 0.0, at + ", region padding " + r);
                    assertEquals(0.0, gl.amaxNumber().doubleValue(), 0.0, at + ", location padding " + r);
                }
            }
        }
    }

    private static void assertSameTargets(PretrainBatch e, PretrainBatch g, String what) {
        assertSameTokens(e.mlm(), g.mlm(), what + ": mlm");
        assertSameTokens(e.seq2seq(), g.seq2seq(), what + ": seq2seq");
        if (e.mrm() == null) {
            assertNull(g.mrm(), what);
            return;
        }
        assertArrayEquals(e.mrm().examples(), g.mrm().examples(), what + ": mrm examples");
        assertArrayEquals(e.mrm().regions(), g.mrm().regions(), what + ": mrm regions");
        assertFloatsEqual(e.mrm().features(), g.mrm().features(), what + ": mrm features");
        assertFloatsEqual(e.mrm().classProbs(), g.mrm().classProbs(), what + ": mrm classes");
    }

    private static void assertSameTokens(TokenTargets e, TokenTargets g, String what) {
        assertArrayEquals(e.examples(), g.examples(), what + " examples");
        assertArrayEquals(e.positions(), g.positions(), what + " positions");
        assertArrayEquals(e.labels(), g.labels(), what + " labels");
        assertEquals(e.labelSmoothing(), g.labelSmoothing(), what + " label smoothing");
    }

    private static void assertFloatsEqual(INDArray e, INDArray g, String what) {
        if (e == null || g == null) {
            assertEquals(e == null, g == null, what);
            return;
        }
        assertArrayEquals(e.shape(), g.shape(), what + " shape");
        assertArrayEquals(e.dup('c').castTo(DataType.FLOAT).data().asFloat(), g.dup('c').castTo(DataType.FLOAT).data().asFloat(), what);
    }
}
