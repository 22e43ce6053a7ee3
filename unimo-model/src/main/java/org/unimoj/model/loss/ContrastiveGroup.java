package org.unimoj.model.loss;

import java.util.List;

/**
 * One anchor's term of the CMCL loss: {@code -log(sum_pos exp(s/tau) / sum_{pos+neg} exp(s/tau))}.
 *
 * @param positives the anchor pair itself, rewritten positives, retrieved images and texts (at least one)
 * @param negatives hard negatives (may be empty)
 */
public record ContrastiveGroup(List<PairRef> positives, List<PairRef> negatives) {
    public ContrastiveGroup {
        positives = List.copyOf(positives);
        negatives = List.copyOf(negatives);
        if (positives.isEmpty()) {
            throw new IllegalArgumentException("a contrastive group needs at least one positive pair");
        }
    }
}
