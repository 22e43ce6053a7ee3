package org.unimoj.runtime.pretrain.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.PairRef;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.pretrain.PretrainBatch;
import org.unimoj.model.pretrain.RegionTargets;
import org.unimoj.model.pretrain.TokenTargets;
import org.unimoj.runtime.pretrain.PretrainExample;
import org.unimoj.runtime.pretrain.PretrainSettings;
import org.unimoj.runtime.pretrain.data.PretrainSources;
import org.unimoj.runtime.train.BatchAssembler;

/**
 * UNIMO's joint batch: text-only, image-only and image-text examples in one batch, every objective
 * at once. From {@code pairs} pairs, {@code texts} corpus sentences and {@code images} images:
 * <ol>
 *   <li>CMCL: each pair's image alone and caption alone (so retrieval can score them encoded
 *       apart), its rewritten positives and hard negatives (texts alone), its related images
 *       (alone) and related texts (alone). Two groups per pair: the caption against every image of
 *       the batch (positives: its own image, other captions' images that are the same image, its
 *       related images), and the image against every caption (positives: its captions, its
 *       rewritten positives, its related texts; negatives: the other images' captions and rewritten
 *       positives, and every hard negative). Captions of the same image are never each other's
 *       negatives. A rewritten positive is a negative of every other image, as a caption is: were it
 *       only ever a positive, telling rewrites from captions by their wording alone would lower the
 *       loss, and the model learned that shortcut instead of the images (zero-shot retrieval at
 *       chance).</li>
 *   <li>Masked LM + masked region modelling on the first {@code joint} pairs encoded together
 *       (cross-modal), on the sentences (LM) and on the images (regions).</li>
 *   <li>Seq2seq: the next {@code captioning} pairs under the captioning mask, predicting the caption
 *       from the image.</li>
 * </ol>
 * All masking is drawn from {@code (seed, step)}.
 */
public final class JointBatchAssembler implements BatchAssembler<PretrainExample, PretrainBatch> {

    private final PretrainSettings.Batch settings;
    private final UnimoConfig config;
    private final int maskId;
    private final long seed;

    public JointBatchAssembler(PretrainSettings.Batch settings, UnimoConfig config, int maskId, long seed) {
        this.settings = settings;
        this.config = config;
        this.maskId = maskId;
        this.seed = seed;
    }

    @Override
    public Map<String, Integer> demand() {
        return Map.of(PretrainSources.PAIRS, settings.pairs(), PretrainSources.TEXTS, settings.texts(), PretrainSources.IMAGES, settings.images());
    }

    /** The generator of step {@code step}'s masking. */
    public static SplittableRandom randomFor(long seed, long step) {
        return new SplittableRandom(SeedMixer.mix(SeedMixer.mix(seed, "batch"), step));
    }

    @Override
    public Assembled<PretrainBatch> assemble(long step, Map<String, List<PretrainExample>> records) {
        SplittableRandom rnd = randomFor(seed, step);
        Builder b = new Builder();
        List<PretrainExample.Pair> pairs = cast(records.getOrDefault(PretrainSources.PAIRS, List.of()), PretrainExample.Pair.class);
        // Without CMCL the pairs feed only the joint and captioning objectives below.
        int p = settings.cmcl() ? pairs.size() : 0;
        int[] image = new int[p];
        int[] text = new int[p];
        List<List<Integer>> positives = new ArrayList<>();
        List<List<Integer>> relatedImages = new ArrayList<>();
        List<List<Integer>> relatedTexts = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            image[i] = b.add(ModelInput.image(pairs.get(i).image()));
        }
        for (int i = 0; i < p; i++) {
            text[i] = b.add(ModelInput.text(pairs.get(i).ids()));
        }
        for (int i = 0; i < p; i++) {
            PretrainExample.Pair x = pairs.get(i);
            positives.add(addTexts(b, x.positives(), settings.positives()));
            negatives.addAll(addTexts(b, x.negatives(), settings.negatives()));
            List<Integer> ri = new ArrayList<>();
            for (int k = 0; k < Math.min(settings.relatedImages(), x.relatedImages().size()); k++) {
                ri.add(b.add(ModelInput.image(x.relatedImages().get(k))));
            }
            relatedImages.add(ri);
            relatedTexts.add(addTexts(b, x.relatedTexts(), settings.relatedTexts()));
        }
        int joint = Math.min(settings.joint(), pairs.size());
        for (int i = 0; i < joint; i++) {
            PretrainExample.Pair x = pairs.get(i);
            Masking.MaskedText t = Masking.text(x.ids(), settings.mlmProbability(), maskId, config.vocabSize(), rnd);
            Masking.MaskedImage m = Masking.image(x.image(), settings.mrmProbability(), rnd);
            int e = b.add(ModelInput.imageText(m.image(), t.ids()));
            b.mlm(e, t);
            b.mrm(e, x.image(), m.regions());
        }
        for (int i = joint; i < Math.min(joint + settings.captioning(), pairs.size()); i++) {
            PretrainExample.Pair x = pairs.get(i);
            int[] ids = x.ids();
            int e = b.add(new ModelInput(ids, 1, x.image(), AttentionKind.CAPTION));
            for (int pos = 0; pos < ids.length - 1; pos++) {
                b.seq2seq(e, pos, ids[pos + 1]);
            }
        }
        for (PretrainExample r : records.getOrDefault(PretrainSources.TEXTS, List.of())) {
            PretrainExample.Text t = (PretrainExample.Text) r;
            Masking.MaskedText m = Masking.text(t.ids(), settings.mlmProbability(), maskId, config.vocabSize(), rnd);
            b.mlm(b.add(ModelInput.text(m.ids())), m);
        }
        for (PretrainExample r : records.getOrDefault(PretrainSources.IMAGES, List.of())) {
            RegionFeatures f = ((PretrainExample.Image) r).image();
            Masking.MaskedImage m = Masking.image(f, settings.mrmProbability(), rnd);
            b.mrm(b.add(ModelInput.image(m.image())), f, m.regions());
        }
        List<ContrastiveGroup> groups = p == 0 ? null : groups(pairs, image, text, positives, negatives, relatedImages, relatedTexts);
        return new Assembled<>(b.build(config, groups), b.inputs.size());
    }

    private static List<Integer> addTexts(Builder b, List<int[]> texts, int max) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < Math.min(max, texts.size()); k++) {
            out.add(b.add(ModelInput.text(texts.get(k))));
        }
        return out;
    }

    private static List<ContrastiveGroup> groups(List<PretrainExample.Pair> pairs, int[] image, int[] text, List<List<Integer>> positives,
                                                 List<Integer> negatives, List<List<Integer>> relatedImages, List<List<Integer>> relatedTexts) {
        int p = pairs.size();
        List<ContrastiveGroup> groups = new ArrayList<>(2 * p);
        for (int i = 0; i < p; i++) {
            String id = pairs.get(i).imageId();
            // the caption against every image
            List<PairRef> pos = new ArrayList<>();
            List<PairRef> neg = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                (pairs.get(j).imageId().equals(id) ? pos : neg).add(new PairRef(image[j], text[i]));
            }
            for (int r : relatedImages.get(i)) {
                pos.add(new PairRef(r, text[i]));
            }
            groups.add(new ContrastiveGroup(pos, neg));
            // the image against every caption and every rewritten positive
            pos = new ArrayList<>();
            neg = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                List<PairRef> side = pairs.get(j).imageId().equals(id) ? pos : neg;
                side.add(new PairRef(image[i], text[j]));
                for (int t : positives.get(j)) {
                    side.add(new PairRef(image[i], t));
                }
            }
            for (int t : relatedTexts.get(i)) {
                pos.add(new PairRef(image[i], t));
            }
            for (int t : negatives) {
                neg.add(new PairRef(image[i], t));
            }
            groups.add(new ContrastiveGroup(pos, neg));
        }
        return groups;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<PretrainExample> list, Class<T> type) {
        for (PretrainExample e : list) {
            if (!type.isInstance(e)) {
                throw new IllegalArgumentException("expected " + type.getSimpleName() + " records, got " + e.getClass().getSimpleName());
            }
        }
        return (List<T>) (List<?>) list;
    }

    /** Collects inputs and targets. */
    private static final class Builder {
        final List<ModelInput> inputs = new ArrayList<>();
        final List<int[]> mlm = new ArrayList<>();      // {example, position, label}
        final List<int[]> seq2seq = new ArrayList<>();
        final List<int[]> mrm = new ArrayList<>();      // {example, region}
        final List<float[]> mrmFeatures = new ArrayList<>();
        final List<float[]> mrmClasses = new ArrayList<>();

        int add(ModelInput in) {
            inputs.add(in);
            return inputs.size() - 1;
        }

        void mlm(int example, Masking.MaskedText t) {
            for (int k = 0; k < t.positions().length; k++) {
                mlm.add(new int[] {example, t.positions()[k], t.labels()[k]});
            }
        }

        void seq2seq(int example, int position, int label) {
            seq2seq.add(new int[] {example, position, label});
        }

        void mrm(int example, RegionFeatures original, int[] regions) {
            int dim = original.featureDim();
            int classes = original.numClasses();
            for (int r : regions) {
                mrm.add(new int[] {example, r});
                mrmFeatures.add(java.util.Arrays.copyOfRange(original.features(), r * dim, (r + 1) * dim));
                mrmClasses.add(classes == 0 ? null : java.util.Arrays.copyOfRange(original.classProbs(), r * classes, (r + 1) * classes));
            }
        }

        @SuppressWarnings("try")
        PretrainBatch build(UnimoConfig config, List<ContrastiveGroup> groups) {
            EncoderBatch input = EncoderBatch.of(inputs, config);
            TokenTargets lm = tokens(mlm);
            TokenTargets s2s = tokens(seq2seq);
            RegionTargets regions = null;
            if (!mrm.isEmpty()) {
                int n = mrm.size();
                int[] ex = new int[n];
                int[] reg = new int[n];
                for (int i = 0; i < n; i++) {
                    ex[i] = mrm.get(i)[0];
                    reg[i] = mrm.get(i)[1];
                }
                boolean classes = config.regionClasses() > 0;
                for (float[] c : mrmClasses) {
                    classes &= c != null && c.length == config.regionClasses();
                }
                try (MemoryWorkspace ignored = Workspaces.outside()) {
                    INDArray f = Nd4j.create(mrmFeatures.toArray(float[][]::new));
                    INDArray c = classes ? Nd4j.create(mrmClasses.toArray(float[][]::new)) : null;
                    regions = new RegionTargets(ex, reg, f, c);
                }
            }
            return new PretrainBatch(input, lm, regions, s2s, groups);
        }

        private static TokenTargets tokens(List<int[]> t) {
            if (t.isEmpty()) {
                return null;
            }
            int n = t.size();
            int[] ex = new int[n];
            int[] pos = new int[n];
            int[] lab = new int[n];
            for (int i = 0; i < n; i++) {
                ex[i] = t.get(i)[0];
                pos[i] = t.get(i)[1];
                lab[i] = t.get(i)[2];
            }
            return new TokenTargets(ex, pos, lab, 0.0);
        }
    }
}
