package org.unimoj.model.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.api.task.ModelInput;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.checkpoint.LoadReport;
import org.unimoj.model.checkpoint.SafeTensors;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.Workspaces;

/** A trained encoder for forward-only encoding (no dropout, no gradients). */
@SuppressWarnings("try")
public final class EncoderSession {

    private final UnimoEncoder encoder;

    public EncoderSession(UnimoEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The encoder of the checkpoint in {@code dir} (pre-training or task checkpoints alike: the
     * file must hold every encoder tensor; head tensors are not read).
     */
    public static EncoderSession open(Path dir) {
        UnimoConfig config = Checkpoint.readConfig(dir);
        ParameterStore store = new ParameterStore(DataType.FLOAT);
        UnimoEncoder encoder = new UnimoEncoder(store, config);
        store.allocate(0);
        SafeTensors file = SafeTensors.open(dir.resolve(Checkpoint.MODEL));
        LoadReport r = Checkpoint.load(file, store, java.util.Map.of());
        if (!r.missing().isEmpty()) {
            throw new CheckpointException(file.file() + ": tensor " + r.missing().get(0) + " of the encoder is missing");
        }
        return new EncoderSession(encoder);
    }

    public UnimoConfig config() {
        return encoder.config();
    }

    public UnimoEncoder encoder() {
        return encoder;
    }

    /** Encodes {@code inputs} as one batch; results in input order. */
    public List<Encoding> encode(List<ModelInput> inputs) {
        EncoderBatch batch = EncoderBatch.of(inputs, encoder.config());
        List<Encoding> out = new ArrayList<>(inputs.size());
        try (MemoryWorkspace ignored = Workspaces.open("unimo-encode")) {
            EncoderPass pass = encoder.forward(batch, null);
            for (int b = 0; b < batch.batchSize(); b++) {
                INDArray rows = pass.exampleRows(b);
                int textLen = batch.textLength(b);
                float[][] text = new float[textLen][];
                for (int t = 0; t < textLen; t++) {
                    text[t] = rows.getRow(batch.regionSlots() + t).toFloatVector();
                }
                int count = batch.regionCount(b);
                float[][] regions = new float[count == EncoderBatch.NO_IMAGE ? 0 : count + 1][];
                for (int r = 0; r < regions.length; r++) {
                    regions[r] = rows.getRow(r).toFloatVector();
                }
                float[] pt = textLen > 0 ? pass.pooledText().getRow(b).toFloatVector() : null;
                float[] pi = regions.length > 0 ? pass.pooledImage().getRow(b).toFloatVector() : null;
                out.add(new Encoding(pt, pi, text, regions));
            }
        }
        return out;
    }

    /**
     * Only the pooled vectors of {@code inputs} (one batch), in input order: the pooled image of each
     * input when {@code image}, else the pooled text. What retrieval and probes need; much faster than
     * {@link #encode}, which copies every token's and region's row out one by one.
     */
    public float[][] pooled(List<ModelInput> inputs, boolean image) {
        EncoderBatch batch = EncoderBatch.of(inputs, encoder.config());
        try (MemoryWorkspace ignored = Workspaces.open("unimo-encode")) {
            EncoderPass pass = encoder.forward(batch, null);
            INDArray pooled = image ? pass.pooledImage() : pass.pooledText();
            if (pooled == null) {
                throw new IllegalArgumentException("no input of the batch has " + (image ? "an image" : "text") + " to pool");
            }
            return pooled.castTo(DataType.FLOAT).toFloatMatrix();
        }
    }
}
