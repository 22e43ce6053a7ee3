package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unimo evaluate captions|vqa} end to end, on files in the COCO and VQA v2 formats. */
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static double valueOf(String out, String metric) {
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(metric)) {
                return Double.parseDouble(parts[1]);
            }
        }
        throw new AssertionError("no " + metric + " in:\n" + out);
    }

    @Test
    void captionsReproduceTheFixtureFromRawCocoFiles() throws IOException {
        JsonNode fixture = JSON.readTree(Path.of(System.getProperty("unimo.root", "."))
                .resolve("../shared/fixtures/metrics/flickr8k-cand0-first300.json").toFile());
        ObjectNode refs = JSON.createObjectNode();
        ArrayNode anns = refs.putArray("annotations");
        ArrayNode results = JSON.createArrayNode();
        int annId = 0;
        for (JsonNode item : fixture.get("items")) {
            String image = item.get("image").asText();
            for (JsonNode r : item.get("references_raw")) {
                anns.addObject().put("image_id", image).put("id", annId++).put("caption", r.asText());
            }
            results.addObject().put("image_id", image).put("caption", item.get("candidate_raw").asText());
        }
        Path refsFile = dir.resolve("refs.json");
        Path predsFile = dir.resolve("preds.json");
        JSON.writeValue(refsFile.toFile(), refs);
        JSON.writeValue(predsFile.toFile(), results);
        Path jsonOut = dir.resolve("scores.json");

        Run r = run("evaluate", "captions", "--refs", refsFile.toString(), "--preds", predsFile.toString(), "--json", jsonOut.toString());
        assertEquals(0, r.code(), r.err());
        for (String m : new String[] {"BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L"}) {
            assertEquals(fixture.get("scores").get(m).asDouble(), valueOf(r.out(), m), 1e-6, m);
        }
        assertEquals(fixture.get("scores").get("CIDEr-D").asDouble(), valueOf(r.out(), "CIDEr-D"), 1e-4);
        assertTrue(r.err().contains("scoring 300 images"), r.err());
        assertEquals(300, JSON.readTree(jsonOut.toFile()).get("images").asInt());
    }

    @Test
    void captionsErrorsNameTheFileLineAndField() throws IOException {
        Path refs = dir.resolve("refs.json");
        Files.writeString(refs, "{\"annotations\": [{\"image_id\": 1, \"caption\": \"a dog\"}]}");
        Path preds = dir.resolve("preds.json");
        Files.writeString(preds, "[\n{\"image_id\": 1, \"caption\": \"a dog\"},\n{\"image_id\": 2, \"caption\": \"a cat\"}\n]");
        Run r = run("evaluate", "captions", "--refs", refs.toString(), "--preds", preds.toString());
        assertEquals(ExitCodes.FAILED, r.code());
        assertTrue(r.err().contains("preds.json:3: image_id: image 2 is not in the references"), r.err());

        Run missing = run("evaluate", "captions", "--refs", dir.resolve("nope.json").toString(), "--preds", preds.toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("--refs " + dir.resolve("nope.json") + ": no such file"), missing.err());
    }

    @Test
    void vqaPrintsOfficialStyleAccuracies() throws IOException {
        Path q = dir.resolve("q.json");
        Files.writeString(q, "{\"questions\": [{\"question_id\": 1, \"image_id\": 5, \"question\": \"How many?\"},"
                + " {\"question_id\": 2, \"image_id\": 5, \"question\": \"Is it?\"}]}");
        Path a = dir.resolve("a.json");
        Files.writeString(a, "{\"annotations\": ["
                + "{\"question_id\": 1, \"question_type\": \"how many\", \"answer_type\": \"number\", \"answers\": "
                + answers("2", 3) + "},"
                + "{\"question_id\": 2, \"question_type\": \"is it\", \"answer_type\": \"yes/no\", \"answers\": "
                + answers("yes", 10) + "}]}");
        Path p = dir.resolve("p.json");
        Files.writeString(p, "[{\"question_id\": 1, \"answer\": \"two\"}, {\"question_id\": 2, \"answer\": \"Yes.\"}]");
        Run r = run("evaluate", "vqa", "--questions", q.toString(), "--annotations", a.toString(), "--preds", p.toString());
        assertEquals(0, r.code(), r.err());
        // "two" -> "2" matches 3 of 10 humans: 0.9; "Yes." -> "yes": 1.0.
        assertTrue(r.out().contains("Overall Accuracy is: 95.00"), r.out());
        assertTrue(r.out().contains("number : 90.00"), r.out());
        assertTrue(r.out().contains("is it : 100.00"), r.out());

        Path partial = dir.resolve("partial.json");
        Files.writeString(partial, "[{\"question_id\": 1, \"answer\": \"two\"}]");
        Run bad = run("evaluate", "vqa", "--questions", q.toString(), "--annotations", a.toString(), "--preds", partial.toString());
        assertEquals(ExitCodes.FAILED, bad.code());
        assertTrue(bad.err().contains("no answer for question 2"), bad.err());
    }

    private static String answers(String answer, int k) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            sb.append(i > 0 ? "," : "").append("{\"answer\": \"").append(i < k ? answer : "other").append("\", \"answer_id\": ").append(i + 1).append('}');
        }
        return sb.append(']').toString();
    }

    @Test
    void everySubcommandHasHelp() {
        for (String[] args : new String[][] {{"evaluate", "--help"}, {"evaluate", "captions", "--help"},
            {"evaluate", "vqa", "--help"}, {"bench", "metrics", "--help"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: unimo"), r.out());
        }
        assertEquals(ExitCodes.USAGE, run("evaluate").code());
    }
}
