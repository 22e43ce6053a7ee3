package org.unimoj.plugins.coqa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.plugins.coqa.data.CoqaTurn;

/**
 * The model input of a CoQA turn: {@code [CLS] story [SEP] q1 [SEP] a1 [SEP] ... q [SEP]} under the
 * seq2seq mask, at most {@code maxSource} ids. The question comes first in the budget (at most a
 * quarter of it), then the most recent earlier turns (up to {@code maxHistory}, at most half of
 * what is left), then as much of the story, from its start, as still fits. The target is the answer
 * and [SEP].
 */
final class CoqaCodec {

    private final TextEncoder text;
    private final int maxSource;
    private final int maxTarget;
    private final int maxHistory;

    CoqaCodec(TextEncoder text, int maxSource, int maxTarget, int maxHistory) {
        this.text = text;
        this.maxSource = maxSource;
        this.maxTarget = maxTarget;
        this.maxHistory = maxHistory;
    }

    ModelInput source(CoqaTurn t) {
        int[] q = text.encode(t.question());
        q = Arrays.copyOf(q, Math.min(q.length, Math.max(1, maxSource / 4)));
        int room = maxSource - 3 - q.length;
        List<int[]> turns = new ArrayList<>();
        int historyRoom = room / 2;
        int used = 0;
        List<CoqaTurn.Exchange> h = t.history();
        for (int i = h.size() - 1; i >= 0 && turns.size() < maxHistory; i--) {
            int[] hq = text.encode(h.get(i).question());
            int[] ha = text.encode(h.get(i).answer());
            int need = hq.length + ha.length + 2;
            if (used + need > historyRoom) {
                break;
            }
            int[] pair = new int[need];
            System.arraycopy(hq, 0, pair, 0, hq.length);
            pair[hq.length] = text.sepId();
            System.arraycopy(ha, 0, pair, hq.length + 1, ha.length);
            pair[need - 1] = text.sepId();
            turns.add(0, pair);
            used += need;
        }
        int[] story = text.encode(t.story());
        int s = Math.max(0, Math.min(story.length, room - used));
        int[] out = new int[s + used + q.length + 3];
        int k = 0;
        out[k++] = text.clsId();
        System.arraycopy(story, 0, out, k, s);
        k += s;
        out[k++] = text.sepId();
        for (int[] pair : turns) {
            System.arraycopy(pair, 0, out, k, pair.length);
            k += pair.length;
        }
        System.arraycopy(q, 0, out, k, q.length);
        k += q.length;
        out[k] = text.sepId();
        return new ModelInput(out, out.length, null, AttentionKind.SEQ2SEQ);
    }

    int[] target(String answer) {
        int[] body = text.encode(answer);
        int[] out = Arrays.copyOf(body, Math.min(body.length, maxTarget - 1) + 1);
        out[out.length - 1] = text.sepId();
        return out;
    }
}
