package org.unimoj.plugins.qg;

import java.util.Arrays;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.plugins.qg.data.QgExample;

/**
 * Model input of a question-generation example: {@code [CLS] answer [SEP] paragraph [SEP]} with the
 * seq2seq mask, at most {@code maxSource} ids. A paragraph too long for the rest is cut to a window
 * around the answer (up to half the room before it, the rest from the answer on), so the answer's
 * context survives in long SQuAD paragraphs. The target is the question's ids and [SEP].
 */
final class QgCodec {

    private final TextEncoder text;
    private final int maxSource;
    private final int maxTarget;
    private final int maxAnswer;

    QgCodec(TextEncoder text, int maxSource, int maxTarget) {
        this.text = text;
        this.maxSource = maxSource;
        this.maxTarget = maxTarget;
        this.maxAnswer = Math.max(1, (maxSource - 3) / 4);
    }

    ModelInput source(QgExample e) {
        int[] answer = text.encode(e.answer());
        answer = Arrays.copyOf(answer, Math.min(answer.length, maxAnswer));
        int room = Math.max(0, maxSource - 3 - answer.length);
        int start = e.answerStart() < 0 ? 0 : e.answerStart();
        int[] left = text.encode(e.paragraph().substring(0, start));
        int[] right = text.encode(e.paragraph().substring(start));
        int r = Math.min(right.length, Math.max(room / 2, room - left.length));
        int l = Math.min(left.length, room - r);
        int[] out = new int[answer.length + l + r + 3];
        int k = 0;
        out[k++] = text.clsId();
        System.arraycopy(answer, 0, out, k, answer.length);
        k += answer.length;
        out[k++] = text.sepId();
        System.arraycopy(left, left.length - l, out, k, l);
        k += l;
        System.arraycopy(right, 0, out, k, r);
        k += r;
        out[k] = text.sepId();
        return new ModelInput(out, out.length, null, AttentionKind.SEQ2SEQ);
    }

    int[] target(String question) {
        int[] body = text.encode(question);
        int[] out = Arrays.copyOf(body, Math.min(body.length, maxTarget - 1) + 1);
        out[out.length - 1] = text.sepId();
        return out;
    }
}
