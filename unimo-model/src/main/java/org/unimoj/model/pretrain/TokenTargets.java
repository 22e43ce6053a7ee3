package org.unimoj.model.pretrain;

import java.util.Objects;

/**
 * Token-prediction targets (masked LM or seq2seq LM): the encoder output at text position
 * {@code positions[i]} of example {@code examples[i]} predicts {@code labels[i]}. For seq2seq the
 * output at a position predicts the next token, so the positions run from the last source token to
 * the one before the last target token.
 *
 * @param examples       example index per target
 * @param positions      text position (0 = first text token) per target
 * @param labels         token id per target
 * @param labelSmoothing label smoothing of the cross-entropy
 */
public record TokenTargets(int[] examples, int[] positions, int[] labels, double labelSmoothing) {
    public TokenTargets {
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(labels, "labels");
        if (examples.length != positions.length || examples.length != labels.length) {
            throw new IllegalArgumentException("token targets: " + examples.length + " examples, " + positions.length
                    + " positions, " + labels.length + " labels");
        }
        examples = examples.clone();
        positions = positions.clone();
        labels = labels.clone();
    }

    public int size() {
        return labels.length;
    }
}
