package org.unimoj.model.generate;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.nn.Tensors;

/**
 * Decoding without a cache: every step encodes each row's source and generated tokens from
 * scratch under the input's mask and reads the output at the last token. Quadratic in length;
 * the reference {@link CachedDecoder} is tested against.
 */
public final class RecomputingDecoder implements StepDecoder {

    private final UnimoEncoder encoder;
    private final LmHead lm;
    private List<ModelInput> sources;
    private List<int[]> generated;
    private int[] inputOf;

    public RecomputingDecoder(UnimoEncoder encoder, LmHead lm) {
        this.encoder = encoder;
        this.lm = lm;
    }

    @Override
    public INDArray start(List<ModelInput> inputs, int copies, int maxNewTokens) {
        sources = SourceBatch.sources(inputs, encoder.config(), maxNewTokens);
        int rows = inputs.size() * copies;
        inputOf = new int[rows];
        generated = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            inputOf[r] = r / copies;
            generated.add(new int[0]);
        }
        return encodeLast();
    }

    @Override
    public INDArray step(int[] tokens) {
        for (int r = 0; r < tokens.length; r++) {
            int[] g = generated.get(r);
            int[] next = java.util.Arrays.copyOf(g, g.length + 1);
            next[g.length] = tokens[r];
            generated.set(r, next);
        }
        return encodeLast();
    }

    @Override
    public void reorder(int[] origins) {
        List<int[]> g = new ArrayList<>(origins.length);
        int[] in = new int[origins.length];
        for (int r = 0; r < origins.length; r++) {
            g.add(generated.get(origins[r]));
            in[r] = inputOf[origins[r]];
        }
        generated = g;
        inputOf = in;
    }

    private INDArray encodeLast() {
        List<ModelInput> rows = new ArrayList<>(inputOf.length);
        for (int r = 0; r < inputOf.length; r++) {
            ModelInput s = sources.get(inputOf[r]);
            int[] g = generated.get(r);
            int[] ids = java.util.Arrays.copyOf(s.textIds(), s.textIds().length + g.length);
            System.arraycopy(g, 0, ids, s.textIds().length, g.length);
            rows.add(new ModelInput(ids, s.sourceLength(), s.image(), s.attention()));
        }
        EncoderBatch batch = EncoderBatch.of(rows, encoder.config());
        INDArray seq = encoder.forward(batch, null).sequence();
        long[] last = new long[rows.size()];
        for (int r = 0; r < last.length; r++) {
            last[r] = batch.textRow(r, rows.get(r).textIds().length - 1);
        }
        INDArray logits = lm.forward(Tensors.gatherRows(seq, last)).logits();
        return Nd4j.exec(new LogSoftMax(logits, logits))[0];
    }
}
