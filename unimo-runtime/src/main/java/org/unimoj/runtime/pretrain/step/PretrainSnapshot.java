package org.unimoj.runtime.pretrain.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.tokenizer.TokenizerFiles;
import org.unimoj.runtime.train.Snapshot;

/**
 * The model and optimizer after one step, copied out of the live model: a checkpoint in the model
 * engine's layout (config.json, model.safetensors, optimizer.safetensors with the run state in its
 * metadata) plus the tokenizer's vocab.json and merges.txt, and an encoder to evaluate with.
 */
public final class PretrainSnapshot implements Snapshot {

    private final long step;
    private final UnimoConfig config;
    private final INDArray values;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final long updates;
    private final double temperature;
    private final Path tokenizerDir;
    private final Shadows shadows;

    PretrainSnapshot(long step, UnimoConfig config, INDArray values, INDArray firstMoment, INDArray secondMoment, long updates, double temperature,
                     Path tokenizerDir, Shadows shadows) {
        this.step = step;
        this.config = config;
        this.values = values;
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.updates = updates;
        this.temperature = temperature;
        this.tokenizerDir = tokenizerDir;
        this.shadows = shadows;
    }

    @Override
    public long step() {
        return step;
    }

    public UnimoConfig config() {
        return config;
    }

    /** The CMCL temperature at this step. */
    public double temperature() {
        return temperature;
    }

    @Override
    public void writeCheckpoint(Path dir, Map<String, String> metadata) {
        Shadows.Shadow s = shadows.forCheckpoints();
        synchronized (s) {
            s.model().parameters().values().assign(values);
            s.optimizer().adam().firstMoment().assign(firstMoment);
            s.optimizer().adam().secondMoment().assign(secondMoment);
            s.optimizer().adam().restoreUpdates(updates);
            Checkpoint.save(dir, config, s.model().parameters(), s.optimizer(), metadata, TensorType.F32);
        }
        try {
            for (String f : new String[] {TokenizerFiles.VOCAB_JSON, TokenizerFiles.MERGES_TXT}) {
                Files.copy(tokenizerDir.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the tokenizer into " + dir, e);
        }
    }

    /**
     * The encoder with this snapshot's parameters, for the evaluator's thread only (the copy is
     * shared by every snapshot's evaluation; evaluations run one at a time).
     */
    public UnimoEncoder encoderForEvaluation() {
        Shadows.Shadow s = shadows.forEvaluation();
        s.model().parameters().values().assign(values);
        return s.model().encoder();
    }
}
