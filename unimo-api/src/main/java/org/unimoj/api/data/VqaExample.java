package org.unimoj.api.data;

import java.util.List;
import java.util.Objects;

/**
 * One VQA v2 question with its annotation, joined from the questions file and the annotations
 * file. For a split without annotations (test-dev, test-std) the answer fields are empty.
 *
 * @param questionId   the question's id
 * @param imageId      the image asked about
 * @param question     the question as written
 * @param questionType the annotation's {@code question_type} (e.g. "how many"), "" when unannotated
 * @param answerType   the annotation's {@code answer_type} ("yes/no", "number", "other"), "" when unannotated
 * @param answer       the annotation's {@code multiple_choice_answer} (the most frequent answer), "" when unannotated
 * @param answers      the annotators' raw answers (ten in VQA v2), empty when unannotated
 */
public record VqaExample(String questionId, String imageId, String question, String questionType, String answerType,
                         String answer, List<String> answers) {
    public VqaExample {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(questionType, "questionType");
        Objects.requireNonNull(answerType, "answerType");
        Objects.requireNonNull(answer, "answer");
        answers = List.copyOf(answers);
    }

    public boolean isAnnotated() {
        return !answers.isEmpty();
    }
}
