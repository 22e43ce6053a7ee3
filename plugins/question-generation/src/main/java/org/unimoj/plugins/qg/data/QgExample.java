package org.unimoj.plugins.qg.data;

import java.util.Objects;

/**
 * One question-generation example: a paragraph, an answer in it, and the question it answers.
 *
 * @param id          the question's id (SQuAD's {@code id}, or the TSV line number)
 * @param paragraph   the context
 * @param answer      the answer text
 * @param answerStart where the answer starts in the paragraph (characters), or -1 when the file
 *                    does not say and the answer is not found in the paragraph
 * @param question    the target question
 * @param file        the file it came from, and its line (the article's first line for JSON), for messages
 */
public record QgExample(String id, String paragraph, String answer, int answerStart, String question, String file, long line) {
    public QgExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paragraph, "paragraph");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(question, "question");
    }
}
