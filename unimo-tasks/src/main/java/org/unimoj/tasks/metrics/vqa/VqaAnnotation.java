package org.unimoj.tasks.metrics.vqa;

import java.util.List;
import java.util.Objects;

/**
 * One VQA question's ground truth as the VQA v2 annotation file gives it.
 *
 * @param questionId   the question's id
 * @param questionType the question type ("what color", "is this", ...)
 * @param answerType   the answer type ("yes/no", "number", "other")
 * @param answers      the human answers (ten in VQA v2), in file order
 */
public record VqaAnnotation(long questionId, String questionType, String answerType, List<String> answers) {
    public VqaAnnotation {
        Objects.requireNonNull(questionType, "questionType");
        Objects.requireNonNull(answerType, "answerType");
        answers = List.copyOf(answers);
        if (answers.size() < 2) {
            throw new IllegalArgumentException("question " + questionId + " needs at least 2 human answers, has " + answers.size());
        }
    }
}
