package org.unimoj.plugins.summarization;

import java.util.Arrays;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.text.TextEncoder;

/**
 * Source and target ids of a seq2seq example: the source is {@code [CLS] source [SEP]} (cut at
 * the end to {@code maxSource} ids), the target the summary's ids followed by [SEP] (cut to
 * {@code maxTarget} ids in all), so the model learns where to stop. With {@code tokenizedInput}
 * both sides are already space-separated ids of the model's vocabulary, as the reference code's
 * {@code tokenized_input} option takes them.
 */
final class Seq2SeqCodec {

    private final TextEncoder text;
    private final int maxSource;
    private final int maxTarget;
    private final boolean tokenizedInput;

    Seq2SeqCodec(TextEncoder text, int maxSource, int maxTarget, boolean tokenizedInput) {
        this.text = text;
        this.maxSource = maxSource;
        this.maxTarget = maxTarget;
        this.tokenizedInput = tokenizedInput;
    }

    boolean tokenizedInput() {
        return tokenizedInput;
    }

    /** The model input: the source alone, with the seq2seq mask (the engine appends the target). */
    ModelInput source(String source) {
        int[] body = ids(source);
        int n = Math.min(body.length, maxSource - 2);
        int[] out = new int[n + 2];
        out[0] = text.clsId();
        System.arraycopy(body, 0, out, 1, n);
        out[n + 1] = text.sepId();
        return new ModelInput(out, out.length, null, AttentionKind.SEQ2SEQ);
    }

    /** The target ids the head learns, ending with [SEP]. */
    int[] target(String target) {
        int[] body = ids(target);
        int[] out = Arrays.copyOf(body, Math.min(body.length, maxTarget - 1) + 1);
        out[out.length - 1] = text.sepId();
        return out;
    }

    /** The text of a field: itself, or the decoding of its ids with tokenized input. */
    String plainText(String field) {
        return tokenizedInput ? text.decode(parseIds(field)) : field;
    }

    private int[] ids(String s) {
        return tokenizedInput ? parseIds(s) : text.encode(s);
    }

    /** Space-separated ids; a bad id is an IllegalArgumentException saying which and why. */
    int[] parseIds(String s) {
        String[] parts = s.trim().split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' (item " + (i + 1) + ") is not a token id (tokenized_input is on)");
            }
            if (v < 0 || v >= text.vocabSize()) {
                throw new IllegalArgumentException("token id " + v + " (item " + (i + 1) + ") is outside the vocabulary [0, " + text.vocabSize() + ")");
            }
            out[i] = v;
        }
        return out;
    }
}
