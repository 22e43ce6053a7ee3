package org.unimoj.plugins.summarization;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.data.SourceTarget;
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
import org.unimoj.data.io.ReadCounts;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.summarization.SummarizationTsvReader;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.rouge.RougeScorer;
import org.unimoj.tasks.support.EvaluationProgress;
import org.unimoj.tasks.support.TaskSettings;

/**
 * One summarization data set: rows of {@code src \t tgt} TSV files, the source under the seq2seq
 * (UniLM) mask and the summary as the target of the tied LM head, decoded by beam search.
 *
 * <p>Metrics: {@code ROUGE-1}, {@code ROUGE-2}, {@code ROUGE-L} (F1, rouge-score semantics with the
 * Porter stemmer, mean over examples), then the same for the lead baseline
 * ({@code baseline_lead1_*}: the source's first sentence as the summary).
 */
final class SummarizationTask implements Task<SourceTarget>, TrivialBaseline, FinetuneDefaults {

    /** Sources per predictor call: bounds memory and paces the progress lines. */
    private static final int CHUNK = 128;

    private final SummarizationSubtask subtask;
    private final TaskContext context;
    private final Path dir;
    private final Seq2SeqCodec codec;
    private final HeadSpec.Generate head;

    SummarizationTask(SummarizationSubtask subtask, TaskContext context) {
        this.subtask = subtask;
        this.context = context;
        TaskSettings s = new TaskSettings(context, subtask.id());
        int textLength = s.textLength(8);
        int maxTarget = s.integer("max_tgt_len", Math.min(subtask.targetLength(), textLength / 2), 2);
        int maxSource = s.integer("max_src_len", textLength - maxTarget, 3);
        boolean tokenized = Boolean.parseBoolean(s.string("tokenized_input").orElse("false").trim());
        this.codec = new Seq2SeqCodec(context.text(), maxSource, maxTarget, tokenized);
        GenerationSettings decoding = new GenerationSettings(
                s.integer("beam_size", 5, 1),
                s.decimal("length_penalty", 0.6, 0, 10),
                s.integer("min_dec_len", 1, 0),
                s.integer("max_dec_len", maxTarget, 1),
                Boolean.parseBoolean(s.string("block_trigram").orElse("true").trim()));
        this.head = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, (float) s.decimal("label_smoothing", 0.1, 0, 0.5), decoding);
        this.dir = directory(context.dataDir(), subtask);
    }

    private static Path directory(Path dataDir, SummarizationSubtask subtask) {
        if (!Files.isDirectory(dataDir)) {
            throw DataError.ofFile(dataDir, "no such directory (the --data of summarization/" + subtask.id() + ")");
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(dataDir);
        subtask.folders().forEach(f -> candidates.add(dataDir.resolve(f)));
        for (Path d : candidates) {
            for (String f : List.of("train.tsv", "dev.tsv", "val.tsv", "valid.tsv", "test.tsv")) {
                if (Files.isRegularFile(d.resolve(f))) {
                    return d;
                }
            }
        }
        throw DataError.ofFile(dataDir, "no " + subtask.title() + " files (train.tsv, dev.tsv, test.tsv with src\\ttgt rows) here or in "
                + candidates.subList(1, candidates.size()) + "; point --data at the data set's folder or a generated world");
    }

    @Override
    public String name() {
        return "summarization/" + subtask.id();
    }

    Path directory() {
        return dir;
    }

    private Path file(Split split) {
        List<String> names = switch (split) {
            case TRAIN -> List.of("train.tsv");
            case VAL -> List.of("dev.tsv", "val.tsv", "valid.tsv");
            case TEST -> List.of("test.tsv");
        };
        for (String n : names) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        throw DataError.ofFile(dir.resolve(names.get(0)), "no such file (the " + split.fileName() + " split of " + name() + ")");
    }

    @Override
    public Stream<SourceTarget> read(Split split) {
        Path file = file(split);
        Quarantine quarantine = null;
        ReadOptions options = ReadOptions.failFast();
        if (context.readPolicy() == ReadPolicy.SKIP) {
            quarantine = Quarantine.toFile(context.workDir().resolve("quarantine")
                    .resolve(name().replace('/', '-') + "-" + file.getFileName().toString().replace(".tsv", "") + ".jsonl"));
            options = ReadOptions.skipTo(quarantine);
        }
        SummarizationTsvReader reader = SummarizationTsvReader.open(file, options);
        Quarantine q = quarantine;
        long[] badIds = {0};
        Stream<SourceTarget> rows = reader.stream().onClose(() -> {
            ReadCounts counts = reader.counts();
            if (counts.quarantined() + badIds[0] > 0) {
                System.err.printf("%s: %s: %s, %d more with bad token ids; skipped rows are in %s%n", name(), file, counts, badIds[0], q.path());
            }
            if (q != null) {
                q.close();
            }
        });
        if (!codec.tokenizedInput()) {
            return rows;
        }
        // Token ids are checked here, where the file and line are known.
        return rows.filter(r -> {
            String field = "src";
            try {
                codec.parseIds(r.source());
                field = "tgt";
                codec.parseIds(r.target());
                return true;
            } catch (IllegalArgumentException e) {
                long line = Long.parseLong(r.id());
                if (q == null) {
                    throw new DataError(file, line, field, e.getMessage());
                }
                q.add(file, line, field, e.getMessage(), r.source() + "\t" + r.target());
                badIds[0]++;
                return false;
            }
        });
    }

    @Override
    public EncodedExample encode(SourceTarget row) {
        return EncodedExample.single(row.id(), codec.source(row.source()), new Target.Tokens(codec.target(row.target())));
    }

    @Override
    public HeadSpec head() {
        return head;
    }

    private List<SourceTarget> rows(Split split) {
        try (Stream<SourceTarget> s = read(split)) {
            return s.collect(Collectors.toList());
        }
    }

    private List<String> generate(Predictor predictor, List<SourceTarget> rows, String what) {
        List<String> out = new ArrayList<>(rows.size());
        EvaluationProgress progress = new EvaluationProgress(what, rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<ModelInput> inputs = new ArrayList<>();
            for (SourceTarget r : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                inputs.add(codec.source(r.source()));
            }
            List<Prediction.Text> texts = predictor.generate(inputs);
            if (texts.size() != inputs.size()) {
                throw new IllegalStateException("the predictor gave " + texts.size() + " summaries for " + inputs.size() + " sources");
            }
            texts.forEach(t -> out.add(t.text().strip()));
            progress.done(out.size());
        }
        return out;
    }

    @Override
    public MetricReport evaluate(Split split, Predictor predictor) {
        List<SourceTarget> rows = rows(split);
        List<String> summaries = generate(predictor, rows, name() + " " + split.fileName());
        List<String> targets = rows.stream().map(r -> codec.plainText(r.target())).toList();
        RougeScorer rouge = new RougeScorer();
        Map<String, Double> values = new LinkedHashMap<>(rouge.corpus(targets, summaries).values());
        leadScores(rows).values().forEach((k, v) -> values.put("baseline_lead1_" + k, v));
        return new MetricReport(name(), split.fileName(), rows.size(), values);
    }

    /** ROUGE of each source's first sentence against its target. */
    private Scores leadScores(List<SourceTarget> rows) {
        List<String> targets = new ArrayList<>(rows.size());
        List<String> leads = new ArrayList<>(rows.size());
        for (SourceTarget r : rows) {
            targets.add(codec.plainText(r.target()));
            leads.add(LeadBaseline.firstSentence(codec.plainText(r.source())));
        }
        return new RougeScorer().corpus(targets, leads);
    }

    @Override
    public String baselineDescription() {
        return "the lead sentence: each source's first sentence as its summary";
    }

    @Override
    public MetricReport evaluateBaseline(Split split) {
        List<SourceTarget> rows = rows(split);
        return new MetricReport(name(), split.fileName(), rows.size(), new LinkedHashMap<>(leadScores(rows).values()));
    }

    /**
     * A few passes at a high rate: the embedded world's summaries are short and formulaic, and
     * beam search over every val and test source is most of a run's time, so a narrow beam.
     */
    @Override
    public Map<String, String> finetuneDefaults() {
        // No validation between epochs: beam search over the val split costs about a minute each time.
        return Map.of("epochs", "4", "batch-size", "32", "learning-rate", "2e-4", "warmup", "0.1", "validate-every", "-1");
    }

    /** Writes {@code SUBTASK-SPLIT.pred.txt}: one summary a line, in the order of the split's rows. */
    @Override
    public Path writeResults(Split split, Predictor predictor, Path outputDir) throws IOException {
        List<SourceTarget> rows = rows(split);
        List<String> summaries = generate(predictor, rows, name() + " " + split.fileName() + " predictions");
        Files.createDirectories(outputDir);
        Path out = outputDir.resolve(subtask.id() + "-" + split.fileName() + ".pred.txt");
        Path tmp = Files.createTempFile(outputDir, "." + out.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String s : summaries) {
                    w.write(s.replace('\n', ' ').replace('\r', ' '));
                    w.write('\n');
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }
}
