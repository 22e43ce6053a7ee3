package org.unimoj.plugins.coqa.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.unimoj.data.io.Json;
import org.unimoj.data.io.JsonArrayRecordReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.RecordProblem;

/**
 * Streams an official CoQA file ({@code {"version", "data": [{"source", "id", "filename", "story",
 * "questions": [{"input_text", "turn_id"}], "answers": [{"span_start", "span_end", "span_text",
 * "input_text", "turn_id"}], "additional_answers": {"0": [...], ...}}]}}), one story at a time,
 * into its turns. Checked as the official evaluation script expects: a non-empty story and unique
 * story ids; as many answers (and, per additional set, additional answers) as questions; turn ids
 * 1, 2, ... in order and the same on each question and its answers; non-empty question and answer
 * texts. A bad turn makes its story the bad record; the field path names the turn.
 */
public final class CoqaJsonReader extends JsonArrayRecordReader<List<CoqaTurn>> {

    private final Set<String> storyIds = new HashSet<>();

    private CoqaJsonReader(Path file, ReadOptions options) {
        super(file, options, "data");
    }

    public static CoqaJsonReader open(Path file, ReadOptions options) {
        return new CoqaJsonReader(file, options);
    }

    @Override
    protected List<CoqaTurn> parseElement(JsonNode s, long index) throws RecordProblem {
        Json.object(s, "data[" + index + "]");
        String id = Json.id(s, "id", "");
        if (!storyIds.add(id)) {
            throw new RecordProblem("id", "duplicate story id '" + id + "'");
        }
        String story = Json.text(s, "story", "");
        JsonNode questions = Json.array(s, "questions", "");
        if (questions.isEmpty()) {
            throw new RecordProblem("questions", "empty: a story needs at least one turn");
        }
        List<JsonNode> answerSets = new ArrayList<>();
        List<String> setNames = new ArrayList<>();
        answerSets.add(Json.array(s, "answers", ""));
        setNames.add("answers");
        JsonNode extra = s.get("additional_answers");
        if (extra != null && !extra.isNull()) {
            Json.object(extra, "additional_answers");
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                String name = "additional_answers." + e.getKey();
                if (!e.getValue().isArray()) {
                    throw new RecordProblem(name, "expected an array");
                }
                answerSets.add(e.getValue());
                setNames.add(name);
            }
        }
        for (int k = 0; k < answerSets.size(); k++) {
            if (answerSets.get(k).size() != questions.size()) {
                throw new RecordProblem(setNames.get(k), answerSets.get(k).size() + " answers for " + questions.size() + " questions");
            }
        }
        List<CoqaTurn> turns = new ArrayList<>(questions.size());
        List<CoqaTurn.Exchange> history = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String qp = "questions[" + i + "]";
            JsonNode q = Json.object(questions.get(i), qp);
            String question = Json.text(q, "input_text", qp);
            int turn = turnId(q, qp);
            if (turn != i + 1) {
                throw new RecordProblem(qp + ".turn_id", "is " + turn + ", expected " + (i + 1) + " (turns in order from 1)");
            }
            List<String> golds = new ArrayList<>();
            for (int k = 0; k < answerSets.size(); k++) {
                String ap = setNames.get(k) + "[" + i + "]";
                JsonNode a = Json.object(answerSets.get(k).get(i), ap);
                if (turnId(a, ap) != turn) {
                    throw new RecordProblem(ap + ".turn_id", "is " + turnId(a, ap) + ", the question's is " + turn);
                }
                golds.add(Json.text(a, "input_text", ap).strip());
            }
            turns.add(new CoqaTurn(id, turn, story, history, question.strip(), golds));
            history.add(new CoqaTurn.Exchange(question.strip(), golds.get(0)));
        }
        return turns;
    }

    private static int turnId(JsonNode n, String path) throws RecordProblem {
        JsonNode t = n.get("turn_id");
        if (t == null || !t.isIntegralNumber()) {
            throw new RecordProblem(path + ".turn_id", t == null ? "missing" : "expected an integer, got " + t);
        }
        return t.intValue();
    }
}
