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

    /** Targets whose label is not the ignore index (what the loss averages over). */
    public int counted() {
        int n = 0;
        for (int l : labels) {
            if (l != org.unimoj.model.loss.SoftmaxCrossEntropy.IGNORE) {
                n++;
            }
        }
        return n;
    }

    /** The targets of examples {@code [from, to)}, renumbered from 0. */
    public TokenTargets slice(int from, int to) {
        int n = 0;
        for (int e : examples) {
            if (e >= from && e < to) {
                n++;
            }
        }
        int[] ex = new int[n];
        int[] pos = new int[n];
        int[] lab = new int[n];
        int k = 0;
        for (int i = 0; i < examples.length; i++) {
            if (examples[i] >= from && examples[i] < to) {
                ex[k] = examples[i] - from;
                pos[k] = positions[i];
                lab[k++] = labels[i];
            }
        }
        return new TokenTargets(ex, pos, lab, labelSmoothing);
    }
}
