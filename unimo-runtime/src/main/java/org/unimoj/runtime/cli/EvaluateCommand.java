package org.unimoj.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.caption.CaptionMetrics;
import org.unimoj.tasks.metrics.io.CocoCaptionFiles;
import org.unimoj.tasks.metrics.io.MetricInputException;
import org.unimoj.tasks.metrics.io.VqaFiles;
import org.unimoj.tasks.metrics.vqa.VqaAccuracy;
import org.unimoj.tasks.metrics.vqa.VqaAnnotation;
import org.unimoj.tasks.metrics.vqa.VqaResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code unimo evaluate ...}: score prediction files made by any system with the metrics of
 * {@code org.unimoj.tasks.metrics}. One subcommand per kind of file ({@code captions}, {@code vqa}), and
 * {@code task}: a fine-tuned task checkpoint scored with its task plugin's evaluation.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score predictions with a task's metrics, as the reference evaluation code computes them,",
            "or a fine-tuned task checkpoint with its task plugin (evaluate task)."},
        subcommands = {EvaluateCommand.Captions.class, EvaluateCommand.Vqa.class, EvaluateTaskCommand.class})
final class EvaluateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (captions, vqa, task)");
    }

    static Path existing(String option, Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UsageError(option + " " + p + ": no such file");
        }
        return p;
    }

    static void writeJson(Path out, Object value) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** {@code unimo evaluate captions}: the COCO caption evaluation of a results file. */
    @Command(name = "captions", mixinStandardHelpOptions = true,
            description = {"Score COCO caption results: BLEU-1..4, METEOR, ROUGE-L, CIDEr-D, SPICE.",
                "As the COCO caption evaluation (pycocoevalcap) does: PTB tokenization, then BLEU-1..4, METEOR "
                    + "(1.5 English: exact, stem and WordNet-synonym modules; no paraphrase table), ROUGE-L, CIDEr-D and SPICE "
                    + "(scene graphs from UNIMO-J's rule-based caption parser instead of the Stanford scene-graph parser, WordNet 3.1 "
                    + "synonyms; so SPICE values differ from the reference implementation's). The images scored are those in "
                    + "--preds, each of which must be in --refs. Values are fractions (CIDEr-D scaled by ten, as the reference)."},
            footer = {"", "Example:", "  unimo evaluate captions --refs captions_val2014.json --preds results.json"})
    static final class Captions implements Callable<Integer> {
        @Option(names = "--refs", required = true, paramLabel = "FILE",
                description = "COCO references: {\"annotations\": [{\"image_id\": ..., \"caption\": ...}, ...]}.")
        Path refs;

        @Option(names = "--preds", required = true, paramLabel = "FILE",
                description = "COCO results: [{\"image_id\": ..., \"caption\": ...}, ...], one caption per image.")
        Path preds;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores to this JSON file.")
        Path json;

        @Option(names = "--no-spice", description = "Leave SPICE out (it parses every caption into a scene graph).")
        boolean noSpice;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            existing("--refs", refs);
            existing("--preds", preds);
            PrintWriter err = spec.commandLine().getErr();
            Map<String, List<String>> allRefs = CocoCaptionFiles.references(refs);
            CocoCaptionFiles.Results results = CocoCaptionFiles.results(preds);
            Map<String, List<String>> scoredRefs = new LinkedHashMap<>();
            for (String id : results.captions().keySet()) {
                List<String> r = allRefs.get(id);
                if (r == null) {
                    throw new MetricInputException(preds, results.lines().get(id), "image_id",
                            "image " + id + " is not in the references (" + refs + ")");
                }
                scoredRefs.put(id, r);
            }
            err.printf("scoring %d images (%d in the references)%n", scoredRefs.size(), allRefs.size());
            err.flush();
            CaptionMetrics metrics = noSpice ? CaptionMetrics.standard() : CaptionMetrics.withSpice(CaptionParser.standard());
            Scores s = metrics.evaluate(scoredRefs, results.captions(), (name, took) -> {
                err.printf("  %-17s %7.2f s%n", name, took.toNanos() / 1e9);
                err.flush();
            });
            PrintWriter out = spec.commandLine().getOut();
            s.values().forEach((name, v) -> out.printf("%-8s %.6f%n", name, v));
            out.flush();
            if (json != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("images", scoredRefs.size());
                doc.put("scores", s.values());
                writeJson(json, doc);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code unimo evaluate vqa}: the official VQA accuracy of a results file. */
    @Command(name = "vqa", mixinStandardHelpOptions = true,
            description = {"Score VQA v2 answers with the official VQA accuracy.",
                "As the official VQA evaluation (vqaEval.py) does: answer normalisation (punctuation, digits, articles, "
                    + "contractions, number words), then the mean over the ten 9-annotator subsets of min(#matches / 3, 1). "
                    + "Prints overall, per answer type and per question type accuracy in percent, as the official script. "
                    + "--preds must answer every annotated question."},
            footer = {"", "Example:", "  unimo evaluate vqa --questions v2_OpenEnded_mscoco_val2014_questions.json \\",
                "      --annotations v2_mscoco_val2014_annotations.json --preds results.json"})
    static final class Vqa implements Callable<Integer> {
        @Option(names = "--questions", required = true, paramLabel = "FILE",
                description = "VQA v2 questions: {\"questions\": [{\"question_id\": ..., \"question\": ...}, ...]}.")
        Path questions;

        @Option(names = "--annotations", required = true, paramLabel = "FILE",
                description = "VQA v2 annotations: {\"annotations\": [{\"question_id\", \"question_type\", \"answer_type\", \"answers\"}, ...]}.")
        Path annotations;

        @Option(names = "--preds", required = true, paramLabel = "FILE",
                description = "Results: [{\"question_id\": ..., \"answer\": ...}, ...].")
        Path preds;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write all accuracies (fractions, per question too) to this JSON file.")
        Path json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            existing("--questions", questions);
            existing("--annotations", annotations);
            existing("--preds", preds);
            Map<Long, String> qs = VqaFiles.questions(questions);
            List<VqaAnnotation> anns = VqaFiles.annotations(annotations);
            VqaFiles.Results results = VqaFiles.results(preds);
            List<Long> unasked = new ArrayList<>();
            for (VqaAnnotation a : anns) {
                if (!qs.containsKey(a.questionId())) {
                    unasked.add(a.questionId());
                }
            }
            if (!unasked.isEmpty()) {
                throw new MetricInputException(annotations, unasked.size() + " annotated questions are not in " + questions
                        + ", first " + unasked.get(0));
            }
            Map<Long, Boolean> annotated = new LinkedHashMap<>();
            anns.forEach(a -> annotated.put(a.questionId(), true));
            for (Long id : results.answers().keySet()) {
                if (!annotated.containsKey(id)) {
                    throw new MetricInputException(preds, results.lines().get(id), "question_id",
                            "question " + id + " is not in the annotations (" + annotations + ")");
                }
            }
            for (VqaAnnotation a : anns) {
                if (!results.answers().containsKey(a.questionId())) {
                    throw new MetricInputException(preds, "no answer for question " + a.questionId()
                            + "; the official evaluation needs an answer for every annotated question (" + anns.size() + ")");
                }
            }
            VqaResult r = VqaAccuracy.evaluate(anns, results.answers());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("questions: %d%n", anns.size());
            out.printf("Overall Accuracy is: %.2f%n", 100 * r.overall());
            out.println("Per Answer Type Accuracy is the following:");
            new TreeMap<>(r.perAnswerType()).forEach((k, v) -> out.printf("%s : %.2f%n", k, 100 * v));
            out.println("Per Question Type Accuracy is the following:");
            new TreeMap<>(r.perQuestionType()).forEach((k, v) -> out.printf("%s : %.2f%n", k, 100 * v));
            out.flush();
            if (json != null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("overall", r.overall());
                doc.put("perAnswerType", r.perAnswerType());
                doc.put("perQuestionType", r.perQuestionType());
                doc.put("perQuestion", r.perQuestion());
                writeJson(json, doc);
            }
            return ExitCodes.OK;
        }
    }
}
