package org.unimoj.data.vqa;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unimoj.api.data.VqaExample;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonArrayRecordReader.JsonCursor;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;
import org.unimoj.data.io.RecordReader;

/**
 * Streams VQA v2 questions joined with their annotations. The official files list questions and
 * annotations in the same order, so both are walked in step (two streaming parsers, one element
 * of each in memory); an annotation whose {@code question_id} or {@code image_id} differs from its
 * question's, or a count mismatch between the files, is an error naming the annotations file.
 * Without an annotations file (test splits) the examples carry no answers.
 *
 * <p>Checked: ids present and unique, non-blank question, {@code answer_type} one of "yes/no",
 * "number", "other", at least one answer, each a non-blank string, and image ids known to
 * {@link KnownIds}.
 */
public final class VqaReader extends RecordReader<VqaExample> {

    private static final Set<String> ANSWER_TYPES = Set.of("yes/no", "number", "other");

    private final JsonCursor questions;
    private final JsonCursor annotations;
    private final KnownIds knownImages;
    private final Set<String> seen = new HashSet<>();
    private JsonNode currentQuestion;

    private VqaReader(Path questionsFile, Path annotationsFile, ReadOptions options, KnownIds knownImages) {
        super(questionsFile, options);
        this.questions = new JsonCursor(questionsFile, "questions");
        this.annotations = annotationsFile == null ? null : new JsonCursor(annotationsFile, "annotations");
        this.knownImages = knownImages;
    }

    /** Questions with annotations ({@code annotationsFile} may be null for an unannotated split). */
    public static VqaReader open(Path questionsFile, Path annotationsFile, ReadOptions options) {
        return new VqaReader(questionsFile, annotationsFile, options, KnownIds.ANY);
    }

    public static VqaReader open(Path questionsFile, Path annotationsFile, ReadOptions options, KnownIds knownImages) {
        return new VqaReader(questionsFile, annotationsFile, options, knownImages);
    }

    @Override
    protected boolean advance() throws RecordProblem {
        currentQuestion = null;
        boolean q = questions.nextElement();
        if (annotations != null) {
            boolean a = annotations.nextElement();
            if (q && !a) {
                throw RecordProblem.in(annotations.file(), annotations.elementLine(), "annotations",
                        "ends after " + (questions.elementIndex()) + " annotations, but the questions file has more questions");
            }
            if (!q && a) {
                throw RecordProblem.in(annotations.file(), annotations.elementLine(), "annotations",
                        "has more annotations than the questions file has questions (" + (questions.elementIndex() + 1) + ")");
            }
        }
        return q;
    }

    @Override
    protected VqaExample parseCurrent() throws RecordProblem {
        long i = questions.elementIndex();
        String at = "questions[" + i + "]";
        JsonNode q = Json.object(questions.readElement(), at);
        currentQuestion = q;
        String questionId = Json.id(q, "question_id", at);
        String imageId = Json.id(q, "image_id", at);
        String question = Json.text(q, "question", at);
        knownImages.check(imageId, at + ".image_id");
        if (!seen.add(questionId)) {
            throw new RecordProblem(at + ".question_id", "duplicate question id '" + questionId + "'");
        }
        if (annotations == null) {
            return new VqaExample(questionId, imageId, question, "", "", "", List.of());
        }
        try {
            return annotated(questionId, imageId, question, i);
        } catch (RecordProblem p) {
            if (p.file() != null) {
                throw p;
            }
            throw RecordProblem.in(annotations.file(), annotations.elementLine(), p.field(), p.reason());
        }
    }

    private VqaExample annotated(String questionId, String imageId, String question, long i) throws RecordProblem {
        String at = "annotations[" + i + "]";
        JsonNode a = Json.object(annotations.readElement(), at);
        String aq = Json.id(a, "question_id", at);
        if (!aq.equals(questionId)) {
            throw new RecordProblem(at + ".question_id", "is " + aq + " but question " + i + " of the questions file is " + questionId
                    + " (the files must list the same questions in the same order)");
        }
        String aImage = Json.id(a, "image_id", at);
        if (!aImage.equals(imageId)) {
            throw new RecordProblem(at + ".image_id", "is " + aImage + " but question " + questionId + " is about image " + imageId);
        }
        String questionType = Json.text(a, "question_type", at);
        String answerType = Json.text(a, "answer_type", at);
        if (!ANSWER_TYPES.contains(answerType)) {
            throw new RecordProblem(at + ".answer_type", "'" + answerType + "' is not one of yes/no, number, other");
        }
        String answer = Json.text(a, "multiple_choice_answer", at);
        JsonNode list = Json.array(a, "answers", at);
        if (list.isEmpty()) {
            throw new RecordProblem(at + ".answers", "empty");
        }
        List<String> answers = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            String kat = at + ".answers[" + k + "]";
            answers.add(Json.text(Json.object(list.get(k), kat), "answer", kat));
        }
        return new VqaExample(questionId, imageId, question, questionType, answerType, answer, answers);
    }

    @Override
    protected long currentLine() {
        return questions.elementLine();
    }

    @Override
    protected String currentRaw() {
        return currentQuestion == null ? "(question " + questions.elementIndex() + ")" : currentQuestion.toString();
    }

    @Override
    protected List<String> notes() {
        List<String> notes = new ArrayList<>(questions.notes());
        if (annotations != null) {
            notes.addAll(annotations.notes());
        }
        return notes;
    }

    @Override
    protected void release() {
        questions.close();
        if (annotations != null) {
            annotations.close();
        }
    }
}
