package org.unimoj.tasks.metrics.vqa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unimoj.tasks.metrics.Scores;

/**
 * VQA accuracy: overall, per question type and per answer type (means over questions), and per
 * question. Fractions in [0, 1]; the official script reports them times 100, rounded to 2 decimals.
 */
public record VqaResult(double overall, Map<String, Double> perQuestionType, Map<String, Double> perAnswerType,
        Map<Long, Double> perQuestion) {

    public VqaResult {
        perQuestionType = Collections.unmodifiableMap(new LinkedHashMap<>(perQuestionType));
        perAnswerType = Collections.unmodifiableMap(new LinkedHashMap<>(perAnswerType));
        perQuestion = Collections.unmodifiableMap(new LinkedHashMap<>(perQuestion));
    }

    /** "VQA accuracy" then "VQA accuracy [answer type]" for each answer type. */
    public Scores toScores() {
        Scores.Builder b = Scores.builder().put("VQA accuracy", overall);
        perAnswerType.forEach((type, acc) -> b.put("VQA accuracy [" + type + "]", acc));
        return b.build();
    }
}
