package org.unimoj.plugins.snlive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.VisualEntailment;
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
import org.unimoj.data.snlive.SnliVeReader;
import org.unimoj.tasks.support.Chunks;
import org.unimoj.tasks.support.ModelFit;
import org.unimoj.tasks.support.RegionLookup;
import org.unimoj.tasks.support.TaskFiles;
import org.unimoj.tasks.support.TaskReading;

/** SNLI-VE, opened on one data directory. See the package documentation. */
final class SnliVeTask implements Task<VisualEntailment>, TrivialBaseline, FinetuneDefaults {

    private static final Map<Split, String> DATA = Map.of(Split.TRAIN, "snli_ve/snli_ve_train.jsonl",
            Split.VAL, "snli_ve/snli_ve_dev.jsonl", Split.TEST, "snli_ve/snli_ve_test.jsonl");
    private static final Map<Split, String> FEATURES = TaskFiles.perSplit("features/{split}.tsv");
    private static final EntailmentLabel[] LABELS = EntailmentLabel.values();

    private final TaskContext context;
    private final TaskFiles files;
    private final TaskReading reading;
    private final ModelFit fit;
    private final RegionLookup regions;
    private final int headHidden;
    private final List<Path> featureFiles;

    /** The predictions of the last {@link #evaluate}, for {@link #writeResults} with the same predictor. */
    private Scored last;

    private record Scored(Split split, Predictor predictor, List<VisualEntailment> examples, List<float[]> probabilities) {}

    SnliVeTask(TaskContext context) {
        this.context = context;
        this.files = new TaskFiles(SnliVePlugin.ID, context);
        this.reading = new TaskReading(SnliVePlugin.ID, context);
        this.fit = ModelFit.of(context, 64, 36);
        this.regions = new RegionLookup(fit.maxRegions(), reading.options());
        this.headHidden = context.intSetting("head-hidden", fit.hiddenOr(256));
        List<Path> fs = new ArrayList<>();
        for (Split s : Split.values()) {
            Path p = files.path("features", s, FEATURES);
            if (!fs.contains(p)) {
                fs.add(p);
            }
        }
        this.featureFiles = List.copyOf(fs);
    }

    @Override
    public String name() {
        return SnliVePlugin.ID;
    }

    @Override
    public Stream<VisualEntailment> read(Split split) throws IOException {
        Path data = files.existing("data", split, DATA);
        Path features = files.existing("features", split, FEATURES);
        return SnliVeReader.open(data, reading.options(), regions.ids(features)).stream();
    }

    @Override
    public EncodedExample encode(VisualEntailment e) {
        return EncodedExample.single(e.pairId(), input(e), new Target.ClassLabel(e.label().ordinal()));
    }

    private ModelInput input(VisualEntailment e) {
        return ModelInput.imageText(regions.find(featureFiles, e.imageId()), context.text().encodeSingle(e.hypothesis(), fit.maxTextLength()));
    }

    @Override
    public HeadSpec head() {
        return new HeadSpec.Classify(LABELS.length, Pooling.TEXT_IMAGE_CONCAT, headHidden, false, 0f);
    }

    @Override
    public MetricReport evaluate(Split split, Predictor predictor) throws IOException {
        List<VisualEntailment> examples = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        try (Stream<VisualEntailment> s = read(split)) {
            Chunks.forEach(s, Chunks.DEFAULT_SIZE, chunk -> {
                List<Prediction> p = predictor.predict(chunk.stream().map(this::input).toList());
                examples.addAll(chunk);
                p.forEach(x -> probabilities.add(((Prediction.Classes) x).probabilities()));
            });
        }
        last = new Scored(split, predictor, examples, probabilities);
        int[] predicted = new int[examples.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = new Prediction.Classes(probabilities.get(i)).argmax();
        }
        return report(split, examples, predicted);
    }

    private MetricReport report(Split split, List<VisualEntailment> examples, int[] predicted) {
        int[] right = new int[LABELS.length];
        int[] total = new int[LABELS.length];
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            int gold = examples.get(i).label().ordinal();
            total[gold]++;
            if (predicted[i] == gold) {
                right[gold]++;
                correct++;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", correct / (double) Math.max(1, predicted.length));
        for (EntailmentLabel l : LABELS) {
            values.put("accuracy [" + l.fileName() + "]", total[l.ordinal()] == 0 ? 0.0 : right[l.ordinal()] / (double) total[l.ordinal()]);
        }
        return new MetricReport(name(), split.fileName(), predicted.length, values);
    }

    /**
     * One JSON object a line: {@code pairID}, {@code Flickr30K_ID}, {@code sentence2}, the
     * {@code predicted_label}, the {@code gold_label} and the three probabilities.
     */
    @Override
    public Path writeResults(Split split, Predictor predictor, Path outputDir) throws IOException {
        Scored s = last;
        if (s == null || s.split() != split || s.predictor() != predictor) {
            evaluate(split, predictor);
            s = last;
        }
        Files.createDirectories(outputDir);
        Path out = outputDir.resolve("snli_ve_" + split.fileName() + "_predictions.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < s.examples().size(); i++) {
                VisualEntailment e = s.examples().get(i);
                float[] p = s.probabilities().get(i);
                ObjectNode o = json.createObjectNode();
                o.put("pairID", e.pairId());
                o.put("Flickr30K_ID", e.imageId());
                o.put("sentence2", e.hypothesis());
                o.put("predicted_label", LABELS[new Prediction.Classes(p).argmax()].fileName());
                o.put("gold_label", e.label().fileName());
                ObjectNode probs = o.putObject("probabilities");
                for (EntailmentLabel l : LABELS) {
                    probs.put(l.fileName(), p[l.ordinal()]);
                }
                w.write(json.writeValueAsString(o));
                w.write('\n');
            }
        }
        return out;
    }

    @Override
    public String baselineDescription() {
        return "the majority label of the training set, for every pair";
    }

    @Override
    public MetricReport evaluateBaseline(Split split) throws IOException {
        int[] counts = new int[LABELS.length];
        try (Stream<VisualEntailment> s = read(Split.TRAIN)) {
            s.forEach(e -> counts[e.label().ordinal()]++);
        }
        int majority = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[majority]) {
                majority = k;
            }
        }
        List<VisualEntailment> examples;
        try (Stream<VisualEntailment> s = read(split)) {
            examples = s.toList();
        }
        int[] predicted = new int[examples.size()];
        java.util.Arrays.fill(predicted, majority);
        return report(split, examples, predicted);
    }

    /** One short pass (a few minutes on 2 cores over the embedded world); raise max-steps and epochs for real data. */
    @Override
    public Map<String, String> finetuneDefaults() {
        return Map.of("epochs", "1", "max-steps", "200", "batch-size", "32", "learning-rate", "1e-4", "warmup", "0.1");
    }
}
