package org.unimoj.plugins.qg.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonArrayRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams a SQuAD JSON file ({@code {"version", "data": [{"title", "paragraphs": [{"context",
 * "qas": [{"id", "question", "answers": [{"text", "answer_start"}]}]}]}]}}), one article at a time,
 * into question-generation examples: each answerable question with its first answer. Checked: a
 * non-empty context, question and answer; unique question ids; {@code answer_start} pointing at
 * the answer's text in the context. A bad question makes its article the bad record (the article
 * is the JSON element); its field path names the question. SQuAD 2.0's unanswerable questions
 * ({@code is_impossible}) have no answer to generate from: they are counted, not read.
 */
public final class SquadJsonReader extends JsonArrayRecordReader<List<QgExample>> {

    private final Set<String> ids = new HashSet<>();
    private long unanswerable;

    private SquadJsonReader(Path file, ReadOptions options) {
        super(file, options, "data");
    }

    public static SquadJsonReader open(Path file, ReadOptions options) {
        return new SquadJsonReader(file, options);
    }

    /** Unanswerable (SQuAD 2.0) questions seen so far. */
    public long unanswerable() {
        return unanswerable;
    }

    @Override
    protected List<QgExample> parseElement(JsonNode article, long index) throws RecordProblem {
        Json.object(article, "data[" + index + "]");
        List<QgExample> out = new ArrayList<>();
        long skipped = 0;
        JsonNode paragraphs = Json.array(article, "paragraphs", "");
        for (int p = 0; p < paragraphs.size(); p++) {
            String pp = "paragraphs[" + p + "]";
            JsonNode para = Json.object(paragraphs.get(p), pp);
            String context = Json.text(para, "context", pp);
            JsonNode qas = Json.array(para, "qas", pp);
            for (int q = 0; q < qas.size(); q++) {
                String qp = pp + ".qas[" + q + "]";
                JsonNode qa = Json.object(qas.get(q), qp);
                String id = Json.id(qa, "id", qp);
                if (!ids.add(id)) {
                    throw new RecordProblem(qp + ".id", "duplicate question id '" + id + "'");
                }
                String question = Json.text(qa, "question", qp);
                JsonNode answers = Json.array(qa, "answers", qp);
                if (qa.path("is_impossible").asBoolean(false)) {
                    skipped++;
                    continue;
                }
                if (answers.isEmpty()) {
                    throw new RecordProblem(qp + ".answers", "empty: an answerable question needs an answer");
                }
                String ap = qp + ".answers[0]";
                JsonNode a = Json.object(answers.get(0), ap);
                String text = Json.text(a, "text", ap);
                JsonNode start = a.get("answer_start");
                if (start == null || !start.isIntegralNumber()) {
                    throw new RecordProblem(ap + ".answer_start", start == null ? "missing" : "expected an integer, got " + start);
                }
                int s = start.intValue();
                if (s < 0 || s + text.length() > context.length() || !context.startsWith(text, s)) {
                    throw new RecordProblem(ap + ".answer_start", s + " does not point at '" + text + "' in the context");
                }
                out.add(new QgExample(id, context, text, s, question, file.toString(), currentLine()));
            }
        }
        unanswerable += skipped;
        return out;
    }
}
