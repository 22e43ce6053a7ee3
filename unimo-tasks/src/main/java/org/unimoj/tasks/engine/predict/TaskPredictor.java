package org.unimoj.tasks.engine.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.generate.Hypothesis;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.batch.InputChecks;
import org.unimoj.tasks.engine.heads.PooledHead;
import org.unimoj.tasks.engine.parallel.Lanes;

/**
 * The API's {@link Predictor} over a {@link TaskModel}: forward-only (no dropout, no gradients),
 * batched. Inputs are checked first (errors name the input's index), ordered by shape (image or
 * not, regions, text length) so that chunks of {@link PredictorSettings#maxBatch} pad little,
 * and the chunks are spread over the worker lanes; results come back in input order. The same
 * inputs give the same outputs, bit for bit, whatever else is in the call.
 *
 * <ul>
 *   <li>{@link #predict}: Classify heads give {@link Prediction.Classes} (softmax, or sigmoid
 *       scores for soft labels), Regress heads {@link Prediction.Value}, Rank heads one
 *       {@link Prediction.Score} per input (score each candidate as its own input).</li>
 *   <li>{@link #generate}: Generate heads decode each input's source (its first
 *       {@code sourceLength} ids; any target after them is ignored) with the head's
 *       {@link GenerationSettings}; the ids returned stop before end-of-sequence ([SEP]) and the
 *       text is the tokenizer's decoding of them.</li>
 *   <li>{@link #embed}: any head; the L2-normalised pooled text of a text-only input, the pooled
 *       image of an image-only input (the CMCL space).</li>
 * </ul>
 */
@SuppressWarnings("try")
public final class TaskPredictor implements Predictor, AutoCloseable {

    private final TaskModel model;
    private final TextEncoder text;
    private final PredictorSettings settings;
    private final Lanes lanes;

    /**
     * @param text the model's tokenizer: decodes generated text and gives end-of-sequence
     *             ({@link TextEncoder#sepId()}); may be null when {@link #generate} is not used
     */
    public TaskPredictor(TaskModel model, TextEncoder text, PredictorSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.text = text;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lanes = new Lanes(settings.workers(), "unimo-predict");
    }

    public TaskPredictor(TaskModel model, TextEncoder text) {
        this(model, text, PredictorSettings.defaults());
    }

    public TaskModel model() {
        return model;
    }

    @Override
    public List<Prediction> predict(List<ModelInput> inputs) {
        if (!(model.taskHead() instanceof PooledHead head)) {
            throw new UnsupportedOperationException("the task's head generates text: call generate, not predict");
        }
        HeadSpec spec = head.spec();
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput in = inputs.get(i);
            String where = "input " + i;
            if (in.attention() != AttentionKind.BIDIRECTIONAL) {
                throw new IllegalArgumentException(where + ": attention " + in.attention() + ", a pooled head reads BIDIRECTIONAL inputs");
            }
            InputChecks.pools(where, in, pooling(spec));
            InputChecks.fits(where, in, model.config());
        }
        List<float[]> outputs = mapChunks(inputs, settings.maxBatch(), chunk -> {
            EncoderBatch batch = EncoderBatch.of(chunk, model.config());
            INDArray y = head.outputs(model.encode(batch));
            return Arrays.asList(y.castTo(DataType.FLOAT).toFloatMatrix());
        });
        List<Prediction> out = new ArrayList<>(outputs.size());
        for (float[] y : outputs) {
            if (spec instanceof HeadSpec.Classify c) {
                out.add(new Prediction.Classes(c.softLabels() ? sigmoid(y) : softmax(y)));
            } else if (spec instanceof HeadSpec.Regress) {
                out.add(new Prediction.Value(y[0]));
            } else {
                out.add(new Prediction.Score(y[0]));
            }
        }
        return out;
    }

    @Override
    public List<Prediction.Text> generate(List<ModelInput> inputs) {
        if (!(model.head() instanceof HeadSpec.Generate g)) {
            throw new UnsupportedOperationException("the task's head is " + model.head().getClass().getSimpleName()
                    + ": call predict, not generate");
        }
        if (text == null) {
            throw new IllegalStateException("generation needs the model's tokenizer (the predictor was built without one)");
        }
        GenerationSettings s = g.decoding();
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput in = inputs.get(i);
            String where = "input " + i;
            if (in.attention() != g.attention()) {
                throw new IllegalArgumentException(where + ": attention " + in.attention() + ", the head generates with " + g.attention());
            }
            int src = in.sourceLength();
            if (src < 1) {
                throw new IllegalArgumentException(where + ": generation needs at least one source token (e.g. [CLS] for captioning)");
            }
            if (src + s.maxLength() > model.config().maxTextLength()) {
                throw new IllegalArgumentException(where + ": " + src + " source ids + up to " + s.maxLength()
                        + " generated ones exceed the model's " + model.config().maxTextLength() + " text positions");
            }
            InputChecks.fits(where, new ModelInput(Arrays.copyOf(in.textIds(), src), src, in.image(), in.attention()), model.config());
        }
        int eos = text.sepId();
        int chunk = Math.max(1, settings.maxBatch() / s.beamSize());
        return mapChunks(inputs, chunk, part -> {
            List<Prediction.Text> out = new ArrayList<>(part.size());
            for (Hypothesis h : model.generator(eos).generate(part, s)) {
                int[] ids = h.tokens();
                int n = ids.length > 0 && ids[ids.length - 1] == eos ? ids.length - 1 : ids.length;
                int[] body = Arrays.copyOf(ids, n);
                out.add(new Prediction.Text(body, text.decode(body), h.logProbability()));
            }
            return out;
        });
    }

    @Override
    public List<float[]> embed(List<ModelInput> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput in = inputs.get(i);
            if (in.hasText() == in.hasImage()) {
                throw new IllegalArgumentException("input " + i + ": embed takes single-modal inputs (text alone or an image alone)");
            }
            InputChecks.fits("input " + i, in, model.config());
        }
        return mapChunks(inputs, settings.maxBatch(), chunk -> {
            EncoderBatch batch = EncoderBatch.of(chunk, model.config());
            EncoderPass pass = model.encode(batch);
            float[][] t = pass.pooledText() == null ? null : pass.pooledText().castTo(DataType.FLOAT).toFloatMatrix();
            float[][] v = pass.pooledImage() == null ? null : pass.pooledImage().castTo(DataType.FLOAT).toFloatMatrix();
            List<float[]> out = new ArrayList<>(chunk.size());
            for (int b = 0; b < chunk.size(); b++) {
                out.add(normalise(chunk.get(b).hasText() ? t[b] : v[b]));
            }
            return out;
        });
    }

    /**
     * Applies {@code f} to chunks of at most {@code size} inputs of similar shape, on the lanes,
     * each in a workspace of its own; returns the results in input order.
     */
    private <T> List<T> mapChunks(List<ModelInput> inputs, int size, Function<List<ModelInput>, List<T>> f) {
        int n = inputs.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> inputs.get(i).hasImage() ? inputs.get(i).image().numBoxes() + 1 : 0)
                .thenComparingInt(i -> inputs.get(i).textIds().length));
        List<Callable<List<T>>> tasks = new ArrayList<>();
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            int[] idx = new int[Math.min(size, n - from)];
            List<ModelInput> part = new ArrayList<>(idx.length);
            for (int j = 0; j < idx.length; j++) {
                idx[j] = order[from + j];
                part.add(inputs.get(idx[j]));
            }
            chunks.add(idx);
            tasks.add(() -> {
                try (MemoryWorkspace ignored = Workspaces.open("unimo-predict")) {
                    List<T> r = f.apply(part);
                    if (r.size() != part.size()) {
                        throw new IllegalStateException(r.size() + " results for " + part.size() + " inputs");
                    }
                    return r;
                }
            });
        }
        List<List<T>> results = lanes.runAll(tasks);
        List<T> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        for (int c = 0; c < chunks.size(); c++) {
            int[] idx = chunks.get(c);
            for (int j = 0; j < idx.length; j++) {
                out.set(idx[j], results.get(c).get(j));
            }
        }
        return out;
    }

    private static org.unimoj.api.task.Pooling pooling(HeadSpec spec) {
        if (spec instanceof HeadSpec.Classify c) {
            return c.pooling();
        }
        if (spec instanceof HeadSpec.Regress r) {
            return r.pooling();
        }
        return ((HeadSpec.Rank) spec).pooling();
    }

    static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            e[k] = Math.exp(logits[k] - max);
            sum += e[k];
        }
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) (e[k] / sum);
        }
        return p;
    }

    static float[] sigmoid(float[] logits) {
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) (1.0 / (1.0 + Math.exp(-logits[k])));
        }
        return p;
    }

    static float[] normalise(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        double inv = 1.0 / Math.max(Math.sqrt(sq), 1e-12);
        float[] z = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            z[k] = (float) (v[k] * inv);
        }
        return z;
    }

    @Override
    public void close() {
        lanes.close();
    }
}
