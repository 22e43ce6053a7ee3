package org.unimoj.runtime.finetune;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.unimoj.model.optim.LossScaler;
import org.unimoj.model.optim.Optimizer;
import org.unimoj.runtime.train.Snapshot;
import org.unimoj.tasks.engine.FineTuner;
import org.unimoj.tasks.engine.TaskCheckpoint;
import org.unimoj.tasks.engine.TaskModel;

/**
 * The task model and its optimizer after one update, copied out of the live model: a task
 * checkpoint ({@link TaskCheckpoint}'s layout, the run state in the optimizer file's metadata, the
 * tokenizer and the run record beside it) and a model to evaluate with. The engine writes and
 * predicts from live model objects, so the copies go into two shadow models, one for the
 * checkpointer and one for the evaluator, while the trainer goes on.
 */
final class TaskSnapshot implements Snapshot {

    private final long step;
    private final INDArray values;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final long updates;
    private final Shadows shadows;

    TaskSnapshot(long step, INDArray values, INDArray firstMoment, INDArray secondMoment, long updates, Shadows shadows) {
        this.step = step;
        this.values = values;
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.updates = updates;
        this.shadows = shadows;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public void writeCheckpoint(Path dir, Map<String, String> metadata) {
        Shadows.Shadow s = shadows.forCheckpoints();
        synchronized (s) {
            s.model().parameters().values().assign(values);
            s.optimizer().adam().firstMoment().assign(firstMoment);
            s.optimizer().adam().secondMoment().assign(secondMoment);
            s.optimizer().adam().restoreUpdates(updates);
            Map<String, String> meta = new LinkedHashMap<>(metadata);
            meta.put(FineTuner.SEED_KEY, Long.toString(shadows.seed));
            TaskCheckpoint.save(dir, s.model(), s.optimizer(), meta);
        }
        shadows.extras.accept(dir, metadata);
    }

    /** The model with this snapshot's parameters, for the evaluator's thread only (one evaluation at a time). */
    TaskModel modelForEvaluation() {
        TaskModel m = shadows.forEvaluation().model();
        m.parameters().values().assign(values);
        return m;
    }

    /** The second and third copies of the task model, made on first use. */
    static final class Shadows {
        private final TaskModel live;
        private final Optimizer.Settings optimizer;
        private final long seed;
        private final BiConsumer<Path, Map<String, String>> extras;
        private Shadow checkpoint;
        private Shadow evaluation;

        /**
         * @param live      the model trained (its configuration and head)
         * @param optimizer its optimizer's settings
         * @param seed      the run's seed (recorded in every checkpoint, checked on resume)
         * @param extras    writes the files a checkpoint carries beside the model (tokenizer, run record), given the run state
         */
        Shadows(TaskModel live, Optimizer.Settings optimizer, long seed, BiConsumer<Path, Map<String, String>> extras) {
            this.live = live;
            this.optimizer = optimizer;
            this.seed = seed;
            this.extras = extras;
        }

        record Shadow(TaskModel model, Optimizer optimizer) {}

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
            TaskModel m = TaskModel.create(live.config(), live.head(), DataType.FLOAT, 0);
            return new Shadow(m, new Optimizer(m.parameters(), optimizer, LossScaler.fixed(1)));
        }
    }
}
