package org.unimoj.runtime.finetune;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.runtime.train.Evaluation;
import org.unimoj.tasks.engine.TaskModel;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;

/**
 * The held-out evaluations of a fine-tuning run, run by the evaluator actor on snapshots: the
 * periodic validation (the task's metrics on its val split) and, on the last snapshot, each split
 * of {@code unimo.finetune.evaluate} scored, written as the task's results file and read against
 * the task's trivial baseline. The reports are kept for the run's summary and metrics.json.
 */
final class TaskEvaluations implements AutoCloseable {

    private final OpenedTask task;
    private final TextEncoder text;
    private final PredictorSettings predictor;
    private final Path resultsDir;
    private final PrintWriter err;
    private final boolean baseline;
    private final Map<Split, TaskScoring.SplitResult> scores = new LinkedHashMap<>();
    private final Map<Split, MetricReport> baselines = new LinkedHashMap<>();
    private TaskModel model;
    private TaskPredictor predictorOfModel;

    TaskEvaluations(OpenedTask task, TextEncoder text, PredictorSettings predictor, Path resultsDir, boolean baseline, PrintWriter err) {
        this.task = task;
        this.text = text;
        this.predictor = predictor;
        this.resultsDir = resultsDir;
        this.baseline = baseline;
        this.err = err;
    }

    /** The periodic validation on the val split. */
    Evaluation<TaskSnapshot> validation() {
        return new Evaluation<>() {
            @Override
            public String name() {
                return "val";
            }

            @Override
            public Result evaluate(TaskSnapshot snapshot) {
                ProgressPredictor p = new ProgressPredictor(predictorFor(snapshot), err, task.ref() + " val", 10);
                try {
                    return result(task.task().evaluate(Split.VAL, p), null);
                } catch (IOException e) {
                    throw new UncheckedIOException(task.ref() + ": cannot read the val split: " + e.getMessage(), e);
                }
            }
        };
    }

    /** The final scoring of each of {@code splits}, with its results file and the baseline. */
    List<Evaluation<TaskSnapshot>> finals(List<Split> splits) {
        List<Evaluation<TaskSnapshot>> out = new ArrayList<>();
        for (Split split : splits) {
            out.add(new Evaluation<>() {
                @Override
                public String name() {
                    return split.fileName();
                }

                @Override
                public Result evaluate(TaskSnapshot snapshot) {
                    try {
                        TaskScoring.SplitResult sr = TaskScoring.score(task, split, predictorFor(snapshot), resultsDir, err);
                        MetricReport b = baseline ? TaskScoring.baseline(task, split) : null;
                        synchronized (TaskEvaluations.this) {
                            scores.put(split, sr);
                            if (b != null) {
                                baselines.put(split, b);
                            }
                        }
                        return result(sr.report(), b);
                    } catch (IOException e) {
                        throw new UncheckedIOException(task.ref() + ": cannot score the " + split.fileName() + " split: " + e.getMessage(), e);
                    }
                }
            });
        }
        return out;
    }

    private static Evaluation.Result result(MetricReport r, MetricReport baseline) {
        Map.Entry<String, Double> p = r.primary();
        String headline = String.format(Locale.ROOT, "%s %s %.4f (%d examples)%s", r.split(), p.getKey(), p.getValue(), r.count(),
                baseline == null ? "" : String.format(Locale.ROOT, "; baseline %.4f", baseline.values().getOrDefault(p.getKey(), Double.NaN)));
        return new Evaluation.Result(r.values(), headline, headline);
    }

    /** The evaluator's predictor, over the evaluation copy of the model holding {@code snapshot}'s parameters. */
    private synchronized TaskPredictor predictorFor(TaskSnapshot snapshot) {
        TaskModel m = snapshot.modelForEvaluation();
        if (predictorOfModel == null || model != m) {
            if (predictorOfModel != null) {
                predictorOfModel.close();
            }
            model = m;
            predictorOfModel = new TaskPredictor(m, text, predictor);
        }
        return predictorOfModel;
    }

    /** The final scores, per split, in the order scored. */
    synchronized Map<Split, TaskScoring.SplitResult> scores() {
        return new LinkedHashMap<>(scores);
    }

    /** The baseline's scores, per split. */
    synchronized Map<Split, MetricReport> baselines() {
        return new LinkedHashMap<>(baselines);
    }

    @Override
    public synchronized void close() {
        if (predictorOfModel != null) {
            predictorOfModel.close();
            predictorOfModel = null;
        }
    }
}
