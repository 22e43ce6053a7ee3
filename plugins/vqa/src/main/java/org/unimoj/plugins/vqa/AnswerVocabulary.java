package org.unimoj.plugins.vqa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unimoj.api.data.VqaExample;
import org.unimoj.tasks.metrics.vqa.VqaAccuracy;
import org.unimoj.tasks.metrics.vqa.VqaAnswerNormalizer;

/**
 * The answers a VQA head can give: the {@code size} most frequent training answers, each annotator's
 * answer counted once and normalised as the official evaluation normalises a prediction, ties in
 * alphabetical order (so the same training data always gives the same vocabulary, and a checkpoint's
 * head lines up with it at evaluation time).
 */
public final class AnswerVocabulary {

    private final List<String> answers;
    private final Map<String, Integer> index = new HashMap<>();

    private AnswerVocabulary(List<String> answers) {
        this.answers = List.copyOf(answers);
        for (int i = 0; i < answers.size(); i++) {
            index.put(answers.get(i), i);
        }
    }

    /** The top {@code size} answers of {@code training}. */
    public static AnswerVocabulary build(Iterable<VqaExample> training, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("task setting 'answers': the vocabulary needs at least 2 answers, got " + size);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (VqaExample e : training) {
            for (String a : e.answers()) {
                counts.merge(VqaAnswerNormalizer.normalizePrediction(a), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<String> top = new ArrayList<>();
        for (int i = 0; i < Math.min(size, sorted.size()); i++) {
            top.add(sorted.get(i).getKey());
        }
        if (top.size() < 2) {
            throw new IllegalArgumentException("the training annotations give " + top.size() + " distinct answer(s); a VQA head needs at least 2");
        }
        return new AnswerVocabulary(top);
    }

    public int size() {
        return answers.size();
    }

    public String answer(int i) {
        return answers.get(i);
    }

    public List<String> answers() {
        return answers;
    }

    /**
     * The soft target of a question: for each answer of the vocabulary, the VQA accuracy it would
     * earn against the question's human answers (0 for answers nobody gave).
     */
    public float[] softScores(List<String> humanAnswers) {
        float[] y = new float[answers.size()];
        for (String a : humanAnswers) {
            Integer k = index.get(VqaAnswerNormalizer.normalizePrediction(a));
            if (k != null && y[k] == 0) {
                y[k] = (float) VqaAccuracy.questionAccuracy(answers.get(k), humanAnswers);
            }
        }
        return y;
    }

    /** How many of {@code examples}' questions have at least one answer in the vocabulary (the head's ceiling). */
    public double coverage(Iterable<VqaExample> examples) {
        long n = 0;
        long covered = 0;
        for (VqaExample e : examples) {
            n++;
            for (String a : e.answers()) {
                if (index.containsKey(VqaAnswerNormalizer.normalizePrediction(a))) {
                    covered++;
                    break;
                }
            }
        }
        return n == 0 ? 0 : covered / (double) n;
    }
}
