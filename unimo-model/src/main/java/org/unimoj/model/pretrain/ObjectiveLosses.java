package org.unimoj.model.pretrain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The loss of each objective of one batch (each a mean over its targets) and their sum, which is
 * what the gradients are of.
 */
public record ObjectiveLosses(Map<Objective, Double> losses) {

    public ObjectiveLosses {
        losses = Collections.unmodifiableMap(losses.isEmpty() ? new EnumMap<>(Objective.class) : new EnumMap<>(losses));
    }

    public double total() {
        return losses.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The loss of {@code o}; fails if the batch had no targets for it. */
    public double get(Objective o) {
        Double v = losses.get(o);
        if (v == null) {
            throw new IllegalArgumentException("no " + o + " loss in this step (objectives: " + losses.keySet() + ")");
        }
        return v;
    }
}
