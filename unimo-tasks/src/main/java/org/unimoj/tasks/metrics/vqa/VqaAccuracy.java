package org.unimoj.tasks.metrics.vqa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VQA accuracy exactly as the official evaluation ({@code vqaEval.py}) computes it: the prediction is
 * normalised ({@link VqaAnswerNormalizer}); for each of the n human answers, the prediction scores
 * {@code min(#matches among the other n-1 answers / 3, 1)}; the question's accuracy is the mean of
 * those n values (for VQA v2, the average over the ten 9-annotator subsets).
 *
 * <p>As in the reference, the human answers are compared as given when they all agree, and only have
 * their punctuation processed (not digits, articles or contractions) when they disagree.
 */
public final class VqaAccuracy {

    private VqaAccuracy() {
    }

    /** The accuracy of one predicted answer against the human answers. */
    public static double questionAccuracy(String predicted, List<String> humanAnswers) {
        String res = VqaAnswerNormalizer.normalizePrediction(predicted);
        List<String> gts = new ArrayList<>(humanAnswers);
        if (new HashSet<>(gts).size() > 1) {
            gts.replaceAll(VqaAnswerNormalizer::processPunctuation);
        }
        double sum = 0;
        for (int i = 0; i < gts.size(); i++) {
            int matching = 0;
            for (int j = 0; j < gts.size(); j++) {
                if (j != i && gts.get(j).equals(res)) {
                    matching++;
                }
            }
            sum += Math.min(1.0, matching / 3.0);
        }
        return sum / gts.size();
    }

    /**
     * Accuracy over all annotated questions. As the official API requires, predictions must cover
     * exactly the annotated questions.
     *
     * @throws IllegalArgumentException naming a question without prediction or a prediction without question
     */
    public static VqaResult evaluate(Collection<VqaAnnotation> annotations, Map<Long, String> predictions) {
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("no annotated questions to score");
        }
        Map<Long, VqaAnnotation> byId = new LinkedHashMap<>();
        for (VqaAnnotation a : annotations) {
            if (byId.put(a.questionId(), a) != null) {
                throw new IllegalArgumentException("question " + a.questionId() + " is annotated twice");
            }
        }
        for (Long id : predictions.keySet()) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("prediction for question " + id + ", which is not in the annotations");
            }
        }
        Map<Long, Double> perQuestion = new LinkedHashMap<>();
        Map<String, double[]> byQuestionType = new LinkedHashMap<>();
        Map<String, double[]> byAnswerType = new LinkedHashMap<>();
        double total = 0;
        for (VqaAnnotation a : byId.values()) {
            String predicted = predictions.get(a.questionId());
            if (predicted == null) {
                throw new IllegalArgumentException("no prediction for question " + a.questionId()
                        + " (the official evaluation needs one for every annotated question)");
            }
            double acc = questionAccuracy(predicted, a.answers());
            perQuestion.put(a.questionId(), acc);
            total += acc;
            accumulate(byQuestionType, a.questionType(), acc);
            accumulate(byAnswerType, a.answerType(), acc);
        }
        return new VqaResult(total / byId.size(), means(byQuestionType), means(byAnswerType), perQuestion);
    }

    private static void accumulate(Map<String, double[]> sums, String key, double value) {
        double[] s = sums.computeIfAbsent(key, k -> new double[2]);
        s[0] += value;
        s[1]++;
    }

    private static Map<String, Double> means(Map<String, double[]> sums) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }
}
