package org.unimoj.tasks.engine.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoConfig;

/**
 * Encoded examples of one task as one padded {@link EncoderBatch}, checked against the task's
 * {@link HeadSpec}. Every input of every example is one row of the encoder batch, in order: an
 * example of a ranking head contributes its whole group of candidates (rows
 * {@code [firstInput(i), firstInput(i + 1))}), every other example exactly one row.
 *
 * <p>Checks, each failing with a message that names the example's id: one input per example
 * (a group of at least two for {@link HeadSpec.Rank}); the target kind the head learns
 * ({@code ClassLabel} or {@code SoftLabels} for Classify, {@code Value}, {@code Ranking},
 * {@code Tokens}); labels, soft scores and ranking positions in range; bidirectional attention for
 * pooled heads and the head's pattern for Generate; the modalities the pooling reads; the model's
 * limits (text length, vocabulary, feature length, regions).
 *
 * <p>For {@link HeadSpec.Generate} the input's text is the source followed by the target ids, as
 * the API says; an input that carries only its source ({@code textIds.length == sourceLength})
 * gets the target appended here. The output at text position {@code p} predicts the id at
 * {@code p + 1}, so the targets are read at positions {@code sourceLength - 1 .. length - 2}.
 */
public final class TaskBatch {

    private final HeadSpec head;
    private final List<EncodedExample> examples;
    private final List<ModelInput> inputs;
    private final int[] firstInput;
    private final EncoderBatch input;
    private final UnimoConfig config;

    private TaskBatch(HeadSpec head, List<EncodedExample> examples, List<ModelInput> inputs, int[] firstInput, UnimoConfig config) {
        this.head = head;
        this.examples = examples;
        this.inputs = inputs;
        this.firstInput = firstInput;
        this.config = config;
        this.input = EncoderBatch.of(inputs, config);
    }

    /** Checks {@code examples} against {@code head} and {@code config} and pads them into one batch. */
    public static TaskBatch of(List<EncodedExample> examples, HeadSpec head, UnimoConfig config) {
        Objects.requireNonNull(head, "head");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        List<EncodedExample> ex = List.copyOf(examples);
        List<ModelInput> rows = new ArrayList<>();
        int[] first = new int[ex.size() + 1];
        for (int i = 0; i < ex.size(); i++) {
            first[i] = rows.size();
            rows.addAll(check(ex.get(i), head, config));
        }
        first[ex.size()] = rows.size();
        return new TaskBatch(head, ex, List.copyOf(rows), first, config);
    }

    /** The inputs of one example as the encoder takes them, after the checks. */
    private static List<ModelInput> check(EncodedExample e, HeadSpec head, UnimoConfig config) {
        String where = "example '" + e.id() + "'";
        List<ModelInput> in = e.inputs();
        Target t = e.target();
        if (head instanceof HeadSpec.Rank r) {
            if (in.size() < 2) {
                throw new IllegalArgumentException(where + ": a ranking group needs a positive and at least one negative, got "
                        + in.size() + " input(s)");
            }
            Target.Ranking rk = expect(where, t, Target.Ranking.class, "Rank");
            if (rk.positive() < 0 || rk.positive() >= in.size()) {
                throw new IllegalArgumentException(where + ": ranking positive " + rk.positive() + " outside its " + in.size() + " inputs");
            }
            pooled(where, in, r.pooling(), config);
            return in;
        }
        if (in.size() != 1) {
            throw new IllegalArgumentException(where + ": a " + kind(head) + " head takes one input per example, got " + in.size());
        }
        if (head instanceof HeadSpec.Classify c) {
            if (c.softLabels()) {
                float[] s = expect(where, t, Target.SoftLabels.class, "Classify with soft labels").scores();
                if (s.length != c.numClasses()) {
                    throw new IllegalArgumentException(where + ": " + s.length + " soft labels, the head has " + c.numClasses() + " classes");
                }
                for (int k = 0; k < s.length; k++) {
                    if (!(s[k] >= 0f && s[k] <= 1f)) {
                        throw new IllegalArgumentException(where + ": soft label " + k + " is " + s[k] + ", outside [0, 1]");
                    }
                }
            } else {
                int label = expect(where, t, Target.ClassLabel.class, "Classify").label();
                if (label < 0 || label >= c.numClasses()) {
                    throw new IllegalArgumentException(where + ": label " + label + " outside [0, " + c.numClasses() + ")");
                }
            }
            pooled(where, in, c.pooling(), config);
            return in;
        }
        if (head instanceof HeadSpec.Regress r) {
            float v = expect(where, t, Target.Value.class, "Regress").value();
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(where + ": target value " + v + " is not finite");
            }
            pooled(where, in, r.pooling(), config);
            return in;
        }
        HeadSpec.Generate g = (HeadSpec.Generate) head;
        int[] target = expect(where, t, Target.Tokens.class, "Generate").ids();
        ModelInput m = in.get(0);
        if (target.length == 0) {
            throw new IllegalArgumentException(where + ": the target has no token");
        }
        if (m.attention() != g.attention()) {
            throw new IllegalArgumentException(where + ": input attention " + m.attention() + ", the head generates with " + g.attention());
        }
        int src = m.sourceLength();
        if (src < 1) {
            throw new IllegalArgumentException(where + ": generation needs at least one source token (e.g. [CLS] for captioning)");
        }
        int[] ids = m.textIds();
        if (ids.length == src) {
            int[] full = Arrays.copyOf(ids, src + target.length);
            System.arraycopy(target, 0, full, src, target.length);
            m = new ModelInput(full, src, m.image(), m.attention());
        } else if (!Arrays.equals(Arrays.copyOfRange(ids, src, ids.length), target)) {
            throw new IllegalArgumentException(where + ": the input's text after its " + src
                    + " source ids differs from the target ids (carry the target after the source, or the source alone)");
        }
        InputChecks.fits(where, m, config);
        return List.of(m);
    }

    private static void pooled(String where, List<ModelInput> in, Pooling pooling, UnimoConfig config) {
        for (int j = 0; j < in.size(); j++) {
            String w = in.size() == 1 ? where : where + " input " + j;
            ModelInput m = in.get(j);
            if (m.attention() != AttentionKind.BIDIRECTIONAL) {
                throw new IllegalArgumentException(w + ": attention " + m.attention() + ", a pooled head reads BIDIRECTIONAL inputs");
            }
            InputChecks.pools(w, m, pooling);
            InputChecks.fits(w, m, config);
        }
    }

    private static <T extends Target> T expect(String where, Target t, Class<T> type, String head) {
        if (!type.isInstance(t)) {
            throw new IllegalArgumentException(where + ": target " + t.getClass().getSimpleName() + ", a " + head
                    + " head learns " + type.getSimpleName());
        }
        return type.cast(t);
    }

    private static String kind(HeadSpec head) {
        return head.getClass().getSimpleName();
    }

    /** Examples {@code [from, to)} as a batch of their own (padded anew; no second check). */
    public TaskBatch slice(int from, int to) {
        if (from < 0 || to > examples.size() || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of a batch of " + examples.size());
        }
        int[] first = new int[to - from + 1];
        for (int i = from; i <= to; i++) {
            first[i - from] = firstInput[i] - firstInput[from];
        }
        return new TaskBatch(head, examples.subList(from, to), inputs.subList(firstInput[from], firstInput[to]), first, config);
    }

    public HeadSpec head() {
        return head;
    }

    public List<EncodedExample> examples() {
        return examples;
    }

    /** How many examples. */
    public int size() {
        return examples.size();
    }

    /** The encoder inputs, one per row of {@link #input()} (generation inputs carry their targets). */
    public List<ModelInput> inputs() {
        return inputs;
    }

    public EncoderBatch input() {
        return input;
    }

    /** Row of the first input of example {@code i}; {@code firstInput(size())} is the number of rows. */
    public int firstInput(int i) {
        return firstInput[i];
    }

    /**
     * What the head's loss is a mean over: target tokens for Generate, examples otherwise. Shards
     * of a batch are weighted by their share of it.
     */
    public long lossCount() {
        if (head instanceof HeadSpec.Generate) {
            long n = 0;
            for (EncodedExample e : examples) {
                n += ((Target.Tokens) e.target()).ids().length;
            }
            return n;
        }
        return examples.size();
    }

    /** For Generate: the flat encoder output row of every target token, in example order. */
    public long[] targetRows() {
        requireGenerate();
        long[] rows = new long[(int) lossCount()];
        int k = 0;
        for (int b = 0; b < examples.size(); b++) {
            int src = inputs.get(b).sourceLength();
            int len = inputs.get(b).textIds().length;
            for (int p = src - 1; p < len - 1; p++) {
                rows[k++] = input.textRow(b, p);
            }
        }
        return rows;
    }

    /** For Generate: the id every target row predicts, in the order of {@link #targetRows()}. */
    public int[] targetLabels() {
        requireGenerate();
        int[] labels = new int[(int) lossCount()];
        int k = 0;
        for (EncodedExample e : examples) {
            for (int id : ((Target.Tokens) e.target()).ids()) {
                labels[k++] = id;
            }
        }
        return labels;
    }

    private void requireGenerate() {
        if (!(head instanceof HeadSpec.Generate)) {
            throw new IllegalStateException("target tokens exist for a Generate head only, this batch is for " + kind(head));
        }
    }
}
