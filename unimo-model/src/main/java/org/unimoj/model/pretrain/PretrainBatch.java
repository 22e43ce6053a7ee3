package org.unimoj.model.pretrain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.loss.ContrastiveGroup;
import org.unimoj.model.loss.PairRef;

/**
 * One pre-training batch: the encoder inputs (image-text pairs, images alone, texts alone, mixed
 * freely, each with its attention pattern) and the targets of each objective. A null target skips
 * its objective. CMCL pairs index examples of this batch: {@link PairRef#image()} reads the pooled
 * image of that example, {@link PairRef#text()} its pooled text; retrieved single-modal images and
 * texts are ordinary image-only and text-only examples of the batch.
 *
 * @param input   the encoder inputs
 * @param mlm     masked-LM targets, or null
 * @param mrm     masked-region targets, or null
 * @param seq2seq seq2seq-LM targets, or null (their examples should use the SEQ2SEQ or CAPTION pattern)
 * @param cmcl    contrastive groups, or null
 */
public record PretrainBatch(EncoderBatch input, TokenTargets mlm, RegionTargets mrm, TokenTargets seq2seq,
                            List<ContrastiveGroup> cmcl) {

    public PretrainBatch {
        Objects.requireNonNull(input, "input");
        cmcl = cmcl == null ? null : List.copyOf(cmcl);
        checkTokens("mlm", mlm, input);
        checkTokens("seq2seq", seq2seq, input);
        if (mrm != null) {
            for (int i = 0; i < mrm.size(); i++) {
                int b = mrm.examples()[i];
                checkExample("mrm", i, b, input);
                int r = mrm.regions()[i];
                if (input.regionCount(b) == EncoderBatch.NO_IMAGE || r < 0 || r >= input.regionCount(b)) {
                    throw new IllegalArgumentException("mrm target " + i + ": region " + r + " of example " + b + " is not a region of it");
                }
            }
        }
        if (cmcl != null) {
            for (ContrastiveGroup g : cmcl) {
                for (List<PairRef> list : List.of(g.positives(), g.negatives())) {
                    for (PairRef p : list) {
                        if (p.image() >= input.batchSize() || input.regionCount(p.image()) == EncoderBatch.NO_IMAGE) {
                            throw new IllegalArgumentException("cmcl pair (" + p.image() + ", " + p.text() + "): example " + p.image() + " has no image");
                        }
                        if (p.text() >= input.batchSize() || input.textLength(p.text()) == 0) {
                            throw new IllegalArgumentException("cmcl pair (" + p.image() + ", " + p.text() + "): example " + p.text() + " has no text");
                        }
                    }
                }
            }
        }
    }

    /**
     * Examples {@code [from, to)} with their MLM, MRM and seq2seq targets, renumbered from 0;
     * without CMCL groups (they span the whole batch; {@link DataParallelStep} scores them over
     * all shards together).
     */
    public PretrainBatch shard(int from, int to) {
        return new PretrainBatch(input.slice(from, to), mlm == null ? null : mlm.slice(from, to),
                mrm == null ? null : mrm.slice(from, to), seq2seq == null ? null : seq2seq.slice(from, to), null);
    }

    /** How many targets objective {@code o}'s loss averages over in this batch (0 when absent). */
    public double weight(Objective o) {
        return switch (o) {
            case MLM -> mlm == null ? 0 : mlm.counted();
            case SEQ2SEQ -> seq2seq == null ? 0 : seq2seq.counted();
            case MRM_FEATURE -> mrm == null || mrm.features() == null ? 0 : mrm.size();
            case MRM_CLASS -> mrm == null || mrm.classProbs() == null ? 0 : mrm.size();
            case CMCL -> cmcl == null ? 0 : cmcl.size();
        };
    }

    /** The objectives this batch has targets for. */
    public Set<Objective> objectives() {
        Set<Objective> s = EnumSet.noneOf(Objective.class);
        if (mlm != null && mlm.size() > 0) {
            s.add(Objective.MLM);
        }
        if (mrm != null && mrm.size() > 0 && mrm.features() != null) {
            s.add(Objective.MRM_FEATURE);
        }
        if (mrm != null && mrm.size() > 0 && mrm.classProbs() != null) {
            s.add(Objective.MRM_CLASS);
        }
        if (seq2seq != null && seq2seq.size() > 0) {
            s.add(Objective.SEQ2SEQ);
        }
        if (cmcl != null && !cmcl.isEmpty()) {
            s.add(Objective.CMCL);
        }
        return s;
    }

    private static void checkTokens(String what, TokenTargets t, EncoderBatch input) {
        if (t == null) {
            return;
        }
        for (int i = 0; i < t.size(); i++) {
            int b = t.examples()[i];
            checkExample(what, i, b, input);
            int p = t.positions()[i];
            if (p < 0 || p >= input.textLength(b)) {
                throw new IllegalArgumentException(what + " target " + i + ": text position " + p + " outside example " + b + "'s " + input.textLength(b) + " tokens");
            }
        }
    }

    private static void checkExample(String what, int i, int b, EncoderBatch input) {
        if (b < 0 || b >= input.batchSize()) {
            throw new IllegalArgumentException(what + " target " + i + ": example " + b + " outside the batch of " + input.batchSize());
        }
    }
}
