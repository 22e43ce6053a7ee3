package org.unimoj.model.pretrain;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.heads.ContrastiveHead;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.heads.RegionHead;
import org.unimoj.model.loss.LossValue;
import org.unimoj.model.loss.MeanSquaredError;
import org.unimoj.model.loss.SoftTargetKl;
import org.unimoj.model.loss.SoftmaxCrossEntropy;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;

/**
 * The UNIMO encoder with its pre-training heads (LM, MRM, CMCL) and all their parameters in one
 * {@link ParameterStore}.
 *
 * <p>{@link #forwardBackward} is the training call: one encoder pass over the batch, every
 * objective the batch has targets for, and one backward pass that adds the gradient of the summed
 * loss (times {@code gradScale}) to the parameter gradients. Gradients accumulate until the
 * optimizer zeroes them, so several calls before one update accumulate micro-batches.
 */
public final class UnimoPretrainModel {

    private final UnimoConfig config;
    private final ParameterStore store;
    private final UnimoEncoder encoder;
    private final LmHead lm;
    private final RegionHead region;
    private final ContrastiveHead contrastive;

    private UnimoPretrainModel(UnimoConfig config, DataType dtype) {
        this.config = config;
        this.store = new ParameterStore(dtype);
        this.encoder = new UnimoEncoder(store, config);
        this.lm = new LmHead(store, encoder.textEmbedding().words(), config.hidden(), config.layerNormEps(), config.initStd());
        this.region = new RegionHead(store, config.hidden(), config.featureDim(), config.regionClasses(), config.initStd());
        this.contrastive = new ContrastiveHead(store, config.initTemperature(), config.learnTemperature());
    }

    /** A freshly initialised model; {@code seed} fixes every initial value. */
    public static UnimoPretrainModel create(UnimoConfig config, DataType dtype, long seed) {
        UnimoPretrainModel m = new UnimoPretrainModel(config, dtype);
        m.store.allocate(seed);
        return m;
    }

    public UnimoConfig config() {
        return config;
    }

    public ParameterStore parameters() {
        return store;
    }

    public UnimoEncoder encoder() {
        return encoder;
    }

    public LmHead lmHead() {
        return lm;
    }

    public RegionHead regionHead() {
        return region;
    }

    public ContrastiveHead contrastiveHead() {
        return contrastive;
    }

    /**
     * Forward and backward for every objective of {@code batch}; adds {@code gradScale} times the
     * gradient of the summed loss to the parameter gradients.
     *
     * @param random the step's randomness (dropout); null runs without dropout
     */
    public ObjectiveLosses forwardBackward(PretrainBatch batch, StepRandom random, double gradScale) {
        return run(batch, random, gradScale, true);
    }

    /** The losses of {@code batch} without dropout and without touching gradients. */
    public ObjectiveLosses losses(PretrainBatch batch) {
        return run(batch, null, 1.0, false);
    }

    /** The losses of {@code batch} under the dropout masks of {@code random}, without touching gradients. */
    public ObjectiveLosses losses(PretrainBatch batch, StepRandom random) {
        return run(batch, random, 1.0, false);
    }

    /** Post-update constraints (CMCL temperature range); the optimizer's caller runs it after every update. */
    public void afterUpdate() {
        contrastive.clampTemperature();
    }

    private ObjectiveLosses run(PretrainBatch batch, StepRandom random, double gradScale, boolean backward) {
        EncoderPass pass = encoder.forward(batch.input(), random);
        Map<Objective, Double> losses = new EnumMap<>(Objective.class);
        INDArray dPooledImage = null;
        INDArray dPooledText = null;
        if (batch.cmcl() != null && !batch.cmcl().isEmpty()) {
            if (backward) {
                ContrastiveHead.Result c = contrastive.forwardBackward(pass.pooledImage(), pass.pooledText(), batch.cmcl(), gradScale);
                losses.put(Objective.CMCL, c.loss());
                dPooledImage = c.dPooledImage();
                dPooledText = c.dPooledText();
            } else {
                losses.put(Objective.CMCL, contrastive.loss(pass.pooledImage(), pass.pooledText(), batch.cmcl()));
            }
        }
        losses.putAll(headsAndBackward(batch, pass, o -> gradScale, backward, dPooledImage, dPooledText));
        return new ObjectiveLosses(losses);
    }

    /**
     * The token and region objectives of {@code batch} on its encoder pass, then (when
     * {@code backward}) the encoder's backward pass with the given pooled-vector gradients (the
     * contrastive loss's, computed by the caller; may be null).
     *
     * @param scale the factor each objective's loss gradient is multiplied by
     * @return the loss of each objective present (CMCL excluded)
     */
    Map<Objective, Double> headsAndBackward(PretrainBatch batch, EncoderPass pass, ToDoubleFunction<Objective> scale,
                                            boolean backward, INDArray dPooledImage, INDArray dPooledText) {
        EncoderBatch in = batch.input();
        Map<Objective, Double> losses = new EnumMap<>(Objective.class);
        INDArray dSeq = null;
        INDArray seq = pass.sequence();

        for (TokenTargets t : new TokenTargets[] {batch.mlm(), batch.seq2seq()}) {
            if (t == null || t.size() == 0) {
                continue;
            }
            Objective objective = t == batch.mlm() ? Objective.MLM : Objective.SEQ2SEQ;
            long[] rows = new long[t.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = in.textRow(t.examples()[i], t.positions()[i]);
            }
            INDArray h = Tensors.gatherRows(seq, rows);
            LmHead.Out o = lm.forward(h);
            LossValue l = SoftmaxCrossEntropy.compute(o.logits(), t.labels(), t.labelSmoothing(), SoftmaxCrossEntropy.IGNORE);
            losses.put(objective, l.value());
            if (backward && l.count() > 0) {
                INDArray dh = lm.backward(o, l.gradient().muli(scale.applyAsDouble(objective)));
                dSeq = scatter(dSeq, seq, rows, dh);
            }
        }

        RegionTargets r = batch.mrm();
        if (r != null && r.size() > 0) {
            long[] rows = new long[r.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = in.regionRow(r.examples()[i], r.regions()[i]);
            }
            INDArray h = Tensors.gatherRows(seq, rows);
            INDArray dh = null;
            if (r.features() != null) {
                LossValue l = MeanSquaredError.compute(region.features(h), r.features());
                losses.put(Objective.MRM_FEATURE, l.value());
                if (backward) {
                    dh = region.featuresBackward(h, l.gradient().muli(scale.applyAsDouble(Objective.MRM_FEATURE)));
                }
            }
            if (r.classProbs() != null) {
                LossValue l = SoftTargetKl.compute(region.classLogits(h), r.classProbs());
                losses.put(Objective.MRM_CLASS, l.value());
                if (backward) {
                    INDArray d = region.classLogitsBackward(h, l.gradient().muli(scale.applyAsDouble(Objective.MRM_CLASS)));
                    dh = dh == null ? d : dh.addi(d);
                }
            }
            if (backward) {
                dSeq = scatter(dSeq, seq, rows, dh);
            }
        }

        if (backward && (dSeq != null || dPooledImage != null || dPooledText != null)) {
            encoder.backward(pass, dSeq, dPooledText, dPooledImage);
        }
        return losses;
    }

    private static INDArray scatter(INDArray dSeq, INDArray seq, long[] rows, INDArray dRows) {
        INDArray target = dSeq == null ? Tensors.zeros(seq.dataType(), seq.shape()) : dSeq;
        Tensors.scatterAddRows(target, rows, dRows);
        return target;
    }
}
