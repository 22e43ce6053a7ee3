package org.unimoj.model.tokenizer;

import java.util.List;

/**
 * The ids of RoBERTa's special tokens in a vocabulary, -1 where the vocabulary has none (GPT-2's
 * own files have none of them). RoBERTa's files, and every vocabulary the trainer writes, have
 * {@code <s>}=0 ([CLS]), {@code <pad>}=1, {@code </s>}=2 ([SEP]), {@code <unk>}=3 and
 * {@code <mask>} as the last id.
 */
public record SpecialTokens(int cls, int pad, int sep, int unk, int mask) {

    public static final String CLS = "<s>";
    public static final String PAD = "<pad>";
    public static final String SEP = "</s>";
    public static final String UNK = "<unk>";
    public static final String MASK = "<mask>";
    /** GPT-2's one special token; not a RoBERTa special, but never text either. */
    public static final String GPT2_END_OF_TEXT = "<|endoftext|>";

    /** The four specials a trained vocabulary puts first, at ids 0..3, in this order. */
    public static final List<String> LEADING = List.of(CLS, PAD, SEP, UNK);

    public static final SpecialTokens NONE = new SpecialTokens(-1, -1, -1, -1, -1);

    /** Whether all five are defined. */
    public boolean complete() {
        return cls >= 0 && pad >= 0 && sep >= 0 && unk >= 0 && mask >= 0;
    }
}
