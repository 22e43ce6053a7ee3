package org.unimoj.api.text;

/**
 * A subword tokenizer as the model sees it: text to ids and back, plus the ids of the special
 * tokens (RoBERTa's layout: {@code <s>}=[CLS], {@code <pad>}, {@code </s>}=[SEP], {@code <unk>},
 * {@code <mask>}). Implementations must be thread-safe.
 */
public interface TextEncoder {

    /** The ids of {@code text} without any special token. */
    int[] encode(String text);

    /** The text of {@code ids}; special tokens are dropped. */
    String decode(int[] ids);

    int vocabSize();

    int clsId();

    int sepId();

    int padId();

    int unkId();

    int maskId();

    /** {@code [CLS] text [SEP]}, the text truncated so that the whole has at most {@code maxLength} ids. */
    default int[] encodeSingle(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
        }
        int[] body = encode(text);
        int n = Math.min(body.length, maxLength - 2);
        int[] out = new int[n + 2];
        out[0] = clsId();
        System.arraycopy(body, 0, out, 1, n);
        out[n + 1] = sepId();
        return out;
    }

    /**
     * {@code [CLS] a [SEP] b [SEP]} with at most {@code maxLength} ids, cutting the longer of the two
     * texts first, one id at a time, the second on a tie (Hugging Face's "longest_first").
     */
    default int[] encodePair(String a, String b, int maxLength) {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be at least 3, got " + maxLength);
        }
        int[] x = encode(a);
        int[] y = encode(b);
        int nx = x.length, ny = y.length;
        while (nx + ny > maxLength - 3) {
            if (nx > ny) {
                nx--;
            } else {
                ny--;
            }
        }
        int[] out = new int[nx + ny + 3];
        out[0] = clsId();
        System.arraycopy(x, 0, out, 1, nx);
        out[nx + 1] = sepId();
        System.arraycopy(y, 0, out, nx + 2, ny);
        out[nx + ny + 2] = sepId();
        return out;
    }
}
