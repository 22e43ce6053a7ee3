package org.unimoj.plugins.glue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.FinetuneDefaults;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TrivialBaseline;
import org.unimoj.data.glue.GlueTsvReader;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadCounts;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.plugins.glue.files.GlueFiles;
import org.unimoj.plugins.glue.files.SubmissionWriter;
import org.unimoj.tasks.metrics.glue.ClassificationMetrics;
import org.unimoj.tasks.metrics.glue.Correlation;
import org.unimoj.tasks.support.EvaluationProgress;
import org.unimoj.tasks.support.TaskSettings;

/**
 * One GLUE task: rows of the task's TSV files, {@code [CLS] a [SEP] (b [SEP])} with bidirectional
 * attention, the pooled text through a Linear head (classes, or one value for STS-B).
 *
 * <p>Metrics, the first being the one model selection uses: SST-2 {@code accuracy}; CoLA
 * {@code matthews_corr}, {@code accuracy}; MNLI {@code accuracy_matched},
 * {@code accuracy_mismatched}; STS-B {@code pearson}, {@code spearman}. Classification reports add
 * {@code baseline_majority_*}: the same metric for always predicting the scored file's most
 * frequent label (the best any constant answer does), so a report says how far the model is from
 * the trivial answer.
 */
final class GlueTask implements Task<LabeledText>, TrivialBaseline, FinetuneDefaults {

    /** Inputs per predictor call: bounds memory and paces the progress lines. */
    private static final int CHUNK = 1024;

    private final GlueSubtask subtask;
    private final TaskContext context;
    private final Path dir;
    private final int maxLength;
    private final GlueFiles.LayoutChoice layoutChoice;
    private final HeadSpec head;

    GlueTask(GlueSubtask subtask, TaskContext context) {
        this.subtask = subtask;
        this.context = context;
        TaskSettings settings = new TaskSettings(context, subtask.id());
        this.maxLength = settings.integer("max_seq_len", settings.textLength(3), 3);
        this.layoutChoice = GlueFiles.LayoutChoice.parse(settings.string("layout").orElse("auto"));
        int hidden = settings.integer("head_hidden", 0, 0);
        float smoothing = (float) settings.decimal("label_smoothing", 0.0, 0.0, 0.5);
        this.head = subtask.regression() ? new HeadSpec.Regress(Pooling.TEXT, hidden)
                : new HeadSpec.Classify(subtask.labels().size(), Pooling.TEXT, hidden, false, smoothing);
        this.dir = GlueFiles.taskDirectory(context.dataDir(), subtask);
    }

    @Override
    public String name() {
        return "glue/" + subtask.id();
    }

    /** The directory the task reads its files from. */
    Path directory() {
        return dir;
    }

    @Override
    public Stream<LabeledText> read(Split split) {
        return open(split, subtask.parts(split).get(0)).rows();
    }

    /** An open file of a split: its rows and whether they carry GLUE's index column. */
    private record OpenFile(Stream<LabeledText> rows, boolean hasIndex, Path file) {}

    private OpenFile open(Split split, GlueSubtask.Part part) {
        Path file = dir.resolve(part.file());
        if (!Files.isRegularFile(file)) {
            throw DataError.ofFile(file, "no such file (the " + split.fileName() + " split of " + name() + ")");
        }
        GlueFiles.Layout layout = GlueFiles.layout(file, subtask, layoutChoice);
        Quarantine quarantine = null;
        ReadOptions options = ReadOptions.failFast();
        if (context.readPolicy() == ReadPolicy.SKIP) {
            quarantine = Quarantine.toFile(context.workDir().resolve("quarantine")
                    .resolve(name().replace('/', '-') + "-" + part.file().replace(".tsv", "") + ".jsonl"));
            options = ReadOptions.skipTo(quarantine);
        }
        GlueTsvReader reader = GlueTsvReader.open(file, layout.layout(), options);
        Quarantine q = quarantine;
        Stream<LabeledText> rows = reader.stream().onClose(() -> {
            ReadCounts counts = reader.counts();
            if (counts.quarantined() > 0) {
                System.err.printf("%s: %s: %s; skipped rows are in %s%n", name(), file, counts, q.path());
            }
            if (q != null) {
                q.close();
            }
        });
        return new OpenFile(rows, layout.hasIndex(), file);
    }

    @Override
    public EncodedExample encode(LabeledText row) {
        if (!row.isLabeled()) {
            throw new IllegalArgumentException(name() + " row " + row.id() + " has no label (a GLUE test row): it can be predicted, not trained on");
        }
        Target target = subtask.regression() ? new Target.Value(Float.parseFloat(row.label()))
                : new Target.ClassLabel(subtask.labelIndex(row.label()));
        return EncodedExample.single(row.id(), input(row), target);
    }

    private ModelInput input(LabeledText row) {
        int[] ids = row.isPair() ? context.text().encodePair(row.text(), row.pairText(), maxLength)
                : context.text().encodeSingle(row.text(), maxLength);
        return ModelInput.text(ids);
    }

    @Override
    public HeadSpec head() {
        return head;
    }

    @Override
    public MetricReport evaluate(Split split, Predictor predictor) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> baselines = new LinkedHashMap<>();
        long count = 0;
        for (GlueSubtask.Part part : subtask.parts(split)) {
            List<LabeledText> rows = labeledRows(split, part);
            List<Prediction> predicted = predict(predictor, rows, name() + " " + split.fileName() + (part.name().isEmpty() ? "" : " " + part.name()));
            score(rows, predicted, part.metricSuffix(), values);
            majority(rows, part.metricSuffix()).forEach((k, v) -> baselines.put("baseline_majority_" + k, v));
            count += rows.size();
        }
        values.putAll(baselines);
        return new MetricReport(name(), split.fileName(), count, values);
    }

    private List<LabeledText> labeledRows(Split split, GlueSubtask.Part part) {
        OpenFile f = open(split, part);
        List<LabeledText> rows;
        try (Stream<LabeledText> s = f.rows()) {
            rows = s.collect(Collectors.toList());
        }
        for (LabeledText r : rows) {
            if (!r.isLabeled()) {
                throw new DataError(f.file(), 0, null, "row " + r.id() + " has no label: GLUE test files are unlabeled; evaluate the val split, "
                        + "or write a submission for the test split");
            }
        }
        return rows;
    }

    @Override
    public String baselineDescription() {
        return subtask.regression() ? "none: a constant score has no correlation with the gold scores"
                : "the scored file's most frequent label, for every row";
    }

    /** The majority class, named as {@link #evaluate} names the model's figures; empty for STS-B. */
    @Override
    public MetricReport evaluateBaseline(Split split) {
        Map<String, Double> values = new LinkedHashMap<>();
        long count = 0;
        for (GlueSubtask.Part part : subtask.parts(split)) {
            List<LabeledText> rows = labeledRows(split, part);
            values.putAll(majority(rows, part.metricSuffix()));
            count += rows.size();
        }
        return new MetricReport(name(), split.fileName(), count, values);
    }

    /**
     * Small enough that a run on a few thousand sentences takes minutes on two cores; a classifier
     * on the pooled text converges in a few passes at this rate.
     */
    @Override
    public Map<String, String> finetuneDefaults() {
        return Map.of("epochs", "3", "batch-size", "32", "learning-rate", "1e-4", "warmup", "0.1");
    }

    /** Accuracy (and Matthews correlation for CoLA) of always predicting the rows' most frequent label. */
    private Map<String, Double> majority(List<LabeledText> rows, String suffix) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (subtask.regression()) {
            return out;
        }
        int n = rows.size();
        int[] gold = new int[n];
        int[] counts = new int[subtask.labels().size()];
        for (int i = 0; i < n; i++) {
            gold[i] = subtask.labelIndex(rows.get(i).label());
            counts[gold[i]]++;
        }
        int majority = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[majority]) {
                majority = k;
            }
        }
        int[] constant = new int[n];
        java.util.Arrays.fill(constant, majority);
        if (subtask == GlueSubtask.COLA) {
            out.put("matthews_corr" + suffix, ClassificationMetrics.matthews(gold, constant));
        }
        out.put("accuracy" + suffix, ClassificationMetrics.accuracy(gold, constant));
        return out;
    }

    private void score(List<LabeledText> rows, List<Prediction> predicted, String suffix, Map<String, Double> values) {
        int n = rows.size();
        if (subtask.regression()) {
            double[] gold = new double[n];
            double[] pred = new double[n];
            for (int i = 0; i < n; i++) {
                gold[i] = Double.parseDouble(rows.get(i).label());
                pred[i] = ((Prediction.Value) predicted.get(i)).value();
            }
            values.put("pearson" + suffix, Correlation.pearson(gold, pred));
            values.put("spearman" + suffix, Correlation.spearman(gold, pred));
            return;
        }
        int[] gold = new int[n];
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = subtask.labelIndex(rows.get(i).label());
            pred[i] = ((Prediction.Classes) predicted.get(i)).argmax();
        }
        if (subtask == GlueSubtask.COLA) {
            values.put("matthews_corr" + suffix, ClassificationMetrics.matthews(gold, pred));
        }
        values.put("accuracy" + suffix, ClassificationMetrics.accuracy(gold, pred));
    }

    private List<Prediction> predict(Predictor predictor, List<LabeledText> rows, String what) {
        List<Prediction> out = new ArrayList<>(rows.size());
        EvaluationProgress progress = new EvaluationProgress(what, rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ModelInput> inputs = new ArrayList<>();
            for (LabeledText r : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                inputs.add(input(r));
            }
            List<Prediction> p = predictor.predict(inputs);
            if (p.size() != inputs.size()) {
                throw new IllegalStateException("the predictor gave " + p.size() + " predictions for " + inputs.size() + " inputs");
            }
            out.addAll(p);
            progress.done(out.size());
        }
        return out;
    }

    /**
     * Writes the GLUE submission file of every part of {@code split} ({@code SST-2.tsv}, ...;
     * MNLI writes {@code MNLI-m.tsv} and {@code MNLI-mm.tsv} side by side) and returns the first.
     * Rows keep the file's {@code index} column, or their 0-based position when it has none. The
     * test split's files go into {@code outputDir}, another split's into {@code outputDir/SPLIT/}.
     */
    @Override
    public Path writeResults(Split split, Predictor predictor, Path outputDir) throws IOException {
        Path first = null;
        for (GlueSubtask.Part part : subtask.parts(split)) {
            OpenFile f = open(split, part);
            List<LabeledText> rows;
            try (Stream<LabeledText> s = f.rows()) {
                rows = s.collect(Collectors.toList());
            }
            List<Prediction> predicted = predict(predictor, rows, name() + " " + split.fileName() + " predictions");
            List<String> indices = new ArrayList<>(rows.size());
            List<String> labels = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                indices.add(f.hasIndex() ? rows.get(i).id() : String.valueOf(i));
                labels.add(label(predicted.get(i)));
            }
            // The test split keeps GLUE's submission names; another split goes into a folder of its
            // own, so scoring val and test into one results directory does not overwrite either.
            Path dir = split == Split.TEST ? outputDir : outputDir.resolve(split.fileName());
            Path written = SubmissionWriter.write(dir.resolve(part.submission()), indices, labels);
            if (first == null) {
                first = written;
            }
        }
        return first;
    }

    private String label(Prediction p) {
        if (subtask.regression()) {
            // STS-B scores are in [0, 5]; GLUE's own baselines clip the regressor's output to that range.
            float v = Math.max(0f, Math.min(5f, ((Prediction.Value) p).value()));
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return subtask.labels().get(((Prediction.Classes) p).argmax());
    }
}
