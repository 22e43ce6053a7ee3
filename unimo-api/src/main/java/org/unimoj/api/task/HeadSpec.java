package org.unimoj.api.task;

/**
 * The head a task puts on the encoder, declared rather than coded, so every task runs on every
 * backend the engine supports and the SPI need not expose the engine's layer classes. The loss and
 * the decoding follow from the kind.
 */
public sealed interface HeadSpec {

    /**
     * Pooled vector(s) -> MLP (hidden size {@code hidden}, 0 = a single Linear) -> {@code numClasses}
     * logits. Loss: softmax cross-entropy on {@link Target.ClassLabel} (with label smoothing), or
     * binary cross-entropy on {@link Target.SoftLabels} when {@code softLabels}. Decoding: argmax.
     */
    record Classify(int numClasses, Pooling pooling, int hidden, boolean softLabels, float labelSmoothing) implements HeadSpec {
        public Classify {
            if (numClasses < 2) {
                throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
            }
        }
    }

    /** Pooled vector(s) -> MLP -> one value. Loss: mean squared error on {@link Target.Value}. */
    record Regress(Pooling pooling, int hidden) implements HeadSpec {}

    /**
     * Pooled vector(s) -> Linear -> one score per candidate. Loss: softmax cross-entropy over the
     * candidates of a group (the positive against its negatives), {@link Target.Ranking}.
     */
    record Rank(Pooling pooling) implements HeadSpec {}

    /**
     * The tied-embedding language-model head over target positions with the given attention mask.
     * Loss: cross-entropy with label smoothing on {@link Target.Tokens}. Decoding: beam search.
     */
    record Generate(AttentionKind attention, float labelSmoothing, GenerationSettings decoding) implements HeadSpec {
        public Generate {
            if (attention == AttentionKind.BIDIRECTIONAL) {
                throw new IllegalArgumentException("generation needs a SEQ2SEQ or CAPTION mask");
            }
        }
    }
}
