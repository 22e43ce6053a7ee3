package org.unimoj.runtime.pretrain.step;

import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/**
 * Second and third copies of the model, one for the checkpointer and one for the evaluator, into
 * which snapshots are copied: the engine writes checkpoints from and encodes with live model
 * objects, and these let both work on a snapshot while the trainer goes on. Made on first use.
 */
final class Shadows {

    private final UnimoConfig config;
    private final Optimizer.Settings optimizer;
    private Shadow checkpoint;
    private Shadow evaluation;

    Shadows(UnimoConfig config, Optimizer.Settings optimizer) {
        this.config = config;
        this.optimizer = optimizer;
    }

    /** A model and optimizer to write checkpoints from. */
    record Shadow(UnimoPretrainModel model, Optimizer optimizer) {}

    synchronized Shadow forCheckpoints() {
        if (checkpoint == null) {
            checkpoint = make();
        }
        return checkpoint;
    }

    synchronized Shadow forEvaluation() {
        if (evaluation == null) {
            evaluation = make();
        }
        return evaluation;
    }

    private Shadow make() {
        UnimoPretrainModel m = UnimoPretrainModel.create(config, DataType.FLOAT, 0);
        return new Shadow(m, new Optimizer(m.parameters(), optimizer, LossScaler.fixed(1.0)));
    }
}
