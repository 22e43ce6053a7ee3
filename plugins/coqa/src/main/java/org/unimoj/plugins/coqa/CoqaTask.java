package org.unimoj.plugins.coqa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.FinetuneDefaults;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.Target;
import org.unimoj.api.task.Task;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.task.TrivialBaseline;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.plugins.coqa.data.CoqaJsonReader;
import org.unimoj.plugins.coqa.data.CoqaTurn;
import org.unimoj.tasks.metrics.qa.CoqaF1;
import org.unimoj.tasks.support.EvaluationProgress;
import org.unimoj.tasks.support.TaskSettings;

/**
 * CoQA as generation: the free-form answer of each turn from the story, the dialogue history
 * (gold answers, as the official evaluation gives it) and the question, under the seq2seq mask.
 *
 * <p>Metrics: {@code F1} (the official CoQA F1: normalised token overlap, leave-one-out over the gold
 * answers when there are several, mean over turns), then {@code baseline_majority_answer_F1}: the
 * same for answering every turn with the scored file's most frequent answer.
 */
final class CoqaTask implements Task<CoqaTurn>, TrivialBaseline, FinetuneDefaults {

    private static final int CHUNK = 256;

    private final TaskContext context;
    private final Path dir;
    private final CoqaCodec codec;
    private final HeadSpec.Generate head;

    CoqaTask(TaskContext context) {
        this.context = context;
        TaskSettings s = new TaskSettings(context, "coqa");
        int textLength = s.textLength(8);
        int maxTarget = s.integer("max_tgt_len", Math.min(16, textLength / 4), 2);
        int maxSource = s.integer("max_src_len", textLength - maxTarget, 6);
        this.codec = new CoqaCodec(context.text(), maxSource, maxTarget, s.integer("max_history_turns", 2, 0));
        GenerationSettings decoding = new GenerationSettings(s.integer("beam_size", 3, 1), s.decimal("length_penalty", 0.6, 0, 10),
                s.integer("min_dec_len", 1, 0), s.integer("max_dec_len", maxTarget, 1),
                Boolean.parseBoolean(s.string("block_trigram").orElse("false").trim()));
        this.head = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, (float) s.decimal("label_smoothing", 0.1, 0, 0.5), decoding);
        this.dir = directory(context.dataDir());
    }

    private static List<String> names(Split split) {
        return switch (split) {
            case TRAIN -> List.of("coqa-train-v1.0.json", "train.json");
            case VAL -> List.of("coqa-dev-v1.0.json", "dev.json");
            case TEST -> List.of("coqa-test-v1.0.json", "test.json");
        };
    }

    private static Path directory(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw DataError.ofFile(dataDir, "no such directory (the --data of coqa)");
        }
        for (Path d : List.of(dataDir, dataDir.resolve("coqa"))) {
            for (Split s : Split.values()) {
                for (String n : names(s)) {
                    if (Files.isRegularFile(d.resolve(n))) {
                        return d;
                    }
                }
            }
        }
        throw DataError.ofFile(dataDir, "no CoQA files (coqa-train-v1.0.json, coqa-dev-v1.0.json) here or in " + dataDir.resolve("coqa"));
    }

    @Override
    public String name() {
        return "coqa";
    }

    private Path file(Split split) {
        for (String n : names(split)) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        String why = split == Split.TEST ? "; CoQA's own test set is not public: score the val split (coqa-dev-v1.0.json)" : "";
        throw DataError.ofFile(dir.resolve(names(split).get(0)), "no such file (the " + split.fileName() + " split of coqa" + why + ")");
    }

    @Override
    public Stream<CoqaTurn> read(Split split) {
        Path file = file(split);
        Quarantine quarantine = null;
        ReadOptions options = ReadOptions.failFast();
        if (context.readPolicy() == ReadPolicy.SKIP) {
            quarantine = Quarantine.toFile(context.workDir().resolve("quarantine").resolve("coqa-" + split.fileName() + ".jsonl"));
            options = ReadOptions.skipTo(quarantine);
        }
        Quarantine q = quarantine;
        CoqaJsonReader r = CoqaJsonReader.open(file, options);
        return r.stream().onClose(() -> {
            if (r.counts().quarantined() > 0) {
                System.err.printf("coqa: %s: %s; skipped stories are in %s%n", file, r.counts(), q.path());
            }
            if (q != null) {
                q.close();
            }
        }).flatMap(List::stream);
    }

    @Override
    public EncodedExample encode(CoqaTurn t) {
        return EncodedExample.single(t.id(), codec.source(t), new Target.Tokens(codec.target(t.answer())));
    }

    @Override
    public HeadSpec head() {
        return head;
    }

    private List<CoqaTurn> turns(Split split) {
        try (Stream<CoqaTurn> s = read(split)) {
            return s.collect(Collectors.toList());
        }
    }

    private List<String> generate(Predictor predictor, List<CoqaTurn> turns, String what) {
        List<String> out = new ArrayList<>(turns.size());
        EvaluationProgress progress = new EvaluationProgress(what, turns.size());
        for (int from = 0; from < turns.size(); from += CHUNK) {
            List<ModelInput> inputs = new ArrayList<>();
            for (CoqaTurn t : turns.subList(from, Math.min(turns.size(), from + CHUNK))) {
                inputs.add(codec.source(t));
            }
            List<Prediction.Text> texts = predictor.generate(inputs);
            if (texts.size() != inputs.size()) {
                throw new IllegalStateException("the predictor gave " + texts.size() + " answers for " + inputs.size() + " turns");
            }
            texts.forEach(x -> out.add(x.text().strip()));
            progress.done(out.size());
        }
        return out;
    }

    @Override
    public MetricReport evaluate(Split split, Predictor predictor) {
        List<CoqaTurn> turns = turns(split);
        List<String> answers = generate(predictor, turns, "coqa " + split.fileName());
        List<List<String>> golds = turns.stream().map(CoqaTurn::golds).toList();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("F1", CoqaF1.corpus(golds, answers));
        values.put("baseline_majority_answer_F1", majorityF1(turns));
        return new MetricReport(name(), split.fileName(), turns.size(), values);
    }

    /** F1 of answering every turn with the most frequent answer of the scored turns. */
    private static double majorityF1(List<CoqaTurn> turns) {
        // The most frequent (normalised) first gold answer; ties go to the first in sort order, so the baseline is deterministic.
        Map<String, Integer> counts = new TreeMap<>();
        turns.forEach(t -> counts.merge(CoqaF1.normalize(t.answer()), 1, Integer::sum));
        String constant = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return CoqaF1.corpus(turns.stream().map(CoqaTurn::golds).toList(), turns.stream().map(t -> constant).toList());
    }

    @Override
    public String baselineDescription() {
        return "the scored turns' most frequent answer, for every turn";
    }

    @Override
    public MetricReport evaluateBaseline(Split split) {
        List<CoqaTurn> turns = turns(split);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("F1", majorityF1(turns));
        return new MetricReport(name(), split.fileName(), turns.size(), values);
    }

    /**
     * Ten passes at a high rate: a turn's source (story and history) is long and the world has
     * thousands of turns, so a run stays within minutes on two cores.
     */
    @Override
    public Map<String, String> finetuneDefaults() {
        // No validation between epochs: beam search over the val split costs about a minute each time.
        // From the quickstart checkpoint, 2 epochs at 2e-4 gave F1 0.345 on the world's test split
        // (majority answer 0.324); 10 at 5e-4 gave 0.434 in about 3.5 minutes on 2 cores.
        return Map.of("epochs", "10", "batch-size", "32", "learning-rate", "5e-4", "warmup", "0.1", "validate-every", "-1");
    }

    /** Writes {@code coqa-SPLIT-predictions.json} in the official format: {@code [{"id", "turn_id", "answer"}, ...]}. */
    @Override
    public Path writeResults(Split split, Predictor predictor, Path outputDir) throws IOException {
        List<CoqaTurn> turns = turns(split);
        List<String> answers = generate(predictor, turns, "coqa " + split.fileName() + " predictions");
        List<Map<String, Object>> out = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", turns.get(i).storyId());
            p.put("turn_id", turns.get(i).turnId());
            p.put("answer", answers.get(i));
            out.add(p);
        }
        Files.createDirectories(outputDir);
        Path file = outputDir.resolve("coqa-" + split.fileName() + "-predictions.json");
        Path tmp = Files.createTempFile(outputDir, "." + file.getFileName(), ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), out);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
