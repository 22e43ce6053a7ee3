package org.unimoj.data.vqa;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.unimoj.api.data.VqaExample;
import org.unimoj.data.io.JsonArrayWriter;

/**
 * Writes a VQA v2 questions file and its annotations file, in the same order. Ids must be
 * numeric (as in VQA v2).
 */
public final class VqaWriter {

    /** One question with each annotator's confidence ("yes", "maybe", "no") beside its answers. */
    public record Entry(VqaExample example, List<String> confidences) {
        public Entry {
            confidences = List.copyOf(confidences);
            if (confidences.size() != example.answers().size()) {
                throw new IllegalArgumentException("question " + example.questionId() + ": " + example.answers().size() + " answers, "
                        + confidences.size() + " confidences");
            }
        }
    }

    private VqaWriter() {}

    /**
     * @param subtype the data subtype written in both files (e.g. "train2014"; the world writes "world_train")
     */
    public static void write(Path questionsFile, Path annotationsFile, String subtype, List<Entry> entries) {
        try (JsonArrayWriter json = new JsonArrayWriter(questionsFile)) {
            JsonGenerator g = json.generator();
            header(g, subtype);
            g.writeStringField("task_type", "Open-Ended");
            g.writeFieldName("questions");
            g.writeStartArray();
            for (Entry e : entries) {
                VqaExample x = e.example();
                g.writeStartObject();
                g.writeNumberField("image_id", Long.parseLong(x.imageId()));
                g.writeStringField("question", x.question());
                g.writeNumberField("question_id", Long.parseLong(x.questionId()));
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + questionsFile, e);
        }
        try (JsonArrayWriter json = new JsonArrayWriter(annotationsFile)) {
            JsonGenerator g = json.generator();
            header(g, subtype);
            g.writeFieldName("annotations");
            g.writeStartArray();
            for (Entry e : entries) {
                VqaExample x = e.example();
                g.writeStartObject();
                g.writeStringField("question_type", x.questionType());
                g.writeStringField("multiple_choice_answer", x.answer());
                g.writeFieldName("answers");
                g.writeStartArray();
                for (int k = 0; k < x.answers().size(); k++) {
                    g.writeStartObject();
                    g.writeStringField("answer", x.answers().get(k));
                    g.writeStringField("answer_confidence", e.confidences().get(k));
                    g.writeNumberField("answer_id", k + 1);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("image_id", Long.parseLong(x.imageId()));
                g.writeStringField("answer_type", x.answerType());
                g.writeNumberField("question_id", Long.parseLong(x.questionId()));
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + annotationsFile, e);
        }
    }

    private static void header(JsonGenerator g, String subtype) throws IOException {
        g.writeFieldName("info");
        g.writeStartObject();
        g.writeStringField("description", "UNIMO-J embedded world, VQA v2 format");
        g.writeStringField("version", "2.0");
        g.writeEndObject();
        g.writeStringField("data_type", "world");
        g.writeStringField("data_subtype", subtype);
        g.writeFieldName("license");
        g.writeStartObject();
        g.writeStringField("name", "generated");
        g.writeEndObject();
    }
}
