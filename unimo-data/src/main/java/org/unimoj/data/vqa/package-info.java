/**
 * VQA v2: a questions file ({@code {"questions": [{"image_id", "question", "question_id"}]}}) and
 * an annotations file ({@code {"annotations": [{"question_type", "multiple_choice_answer",
 * "answers": [{"answer", "answer_confidence", "answer_id"}] x 10, "image_id", "answer_type",
 * "question_id"}]}}), read together by {@link org.unimoj.data.vqa.VqaReader} and written by
 * {@link org.unimoj.data.vqa.VqaWriter}.
 */
package org.unimoj.data.vqa;
