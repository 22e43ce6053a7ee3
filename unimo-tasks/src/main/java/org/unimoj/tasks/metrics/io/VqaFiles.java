package org.unimoj.tasks.metrics.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.tasks.metrics.vqa.VqaAnnotation;

/**
 * Readers for the VQA v2 formats: questions ({@code {"questions": [{"question_id", "image_id", "question"}]}}),
 * annotations ({@code {"annotations": [{"question_id", "question_type", "answer_type", "answers":
 * [{"answer", ...}]}]}}) and results (a top-level array of {@code {"question_id", "answer"}}).
 */
public final class VqaFiles {

    private VqaFiles() {
    }

    /** Question id to question text. */
    public static Map<Long, String> questions(Path file) {
        Map<Long, String> out = new LinkedHashMap<>();
        int n = JsonRecords.forEach(file, "questions", r -> {
            long id = JsonRecords.longId(file, r, "questions", "question_id");
            String q = JsonRecords.text(file, r, "questions", "question");
            if (out.put(id, q) != null) {
                throw new MetricInputException(file, r.line(), "questions[" + r.index() + "].question_id", "question " + id + " appears twice");
            }
        });
        if (n == 0) {
            throw new MetricInputException(file, "the \"questions\" array is empty");
        }
        return out;
    }

    /** The annotated questions in file order. */
    public static List<VqaAnnotation> annotations(Path file) {
        List<VqaAnnotation> out = new ArrayList<>();
        Map<Long, Long> lines = new HashMap<>();
        int n = JsonRecords.forEach(file, "annotations", r -> {
            long id = JsonRecords.longId(file, r, "annotations", "question_id");
            String where = "annotations[" + r.index() + "]";
            Long earlier = lines.putIfAbsent(id, r.line());
            if (earlier != null) {
                throw new MetricInputException(file, r.line(), where + ".question_id", "question " + id + " already annotated (line " + earlier + ")");
            }
            String questionType = JsonRecords.text(file, r, "annotations", "question_type");
            String answerType = JsonRecords.text(file, r, "annotations", "answer_type");
            JsonNode answers = r.node().get("answers");
            if (answers == null || !answers.isArray()) {
                throw new MetricInputException(file, r.line(), where + ".answers", "missing or not an array");
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                JsonNode a = answers.get(i).get("answer");
                if (a == null || !a.isTextual()) {
                    throw new MetricInputException(file, r.line(), where + ".answers[" + i + "].answer", "missing or not a string");
                }
                texts.add(a.asText());
            }
            if (texts.size() < 2) {
                throw new MetricInputException(file, r.line(), where + ".answers", "needs at least 2 human answers, has " + texts.size());
            }
            out.add(new VqaAnnotation(id, questionType, answerType, texts));
        });
        if (n == 0) {
            throw new MetricInputException(file, "the \"annotations\" array is empty");
        }
        return out;
    }

    /** A system's answers: question id to answer, and the line each was read from. */
    public record Results(Map<Long, String> answers, Map<Long, Long> lines) {
    }

    public static Results results(Path file) {
        Map<Long, String> answers = new LinkedHashMap<>();
        Map<Long, Long> lines = new HashMap<>();
        int n = JsonRecords.forEach(file, null, r -> {
            long id = JsonRecords.longId(file, r, "results", "question_id");
            String answer = JsonRecords.text(file, r, "results", "answer");
            Long earlier = lines.putIfAbsent(id, r.line());
            if (earlier != null) {
                throw new MetricInputException(file, r.line(), "results[" + r.index() + "].question_id",
                        "question " + id + " already has an answer (line " + earlier + ")");
            }
            answers.put(id, answer);
        });
        if (n == 0) {
            throw new MetricInputException(file, "no results (the top-level array is empty)");
        }
        return new Results(answers, lines);
    }
}
