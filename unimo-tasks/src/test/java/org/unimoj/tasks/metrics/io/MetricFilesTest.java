package org.unimoj.tasks.metrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.tasks.metrics.vqa.VqaAnnotation;

/** The COCO and VQA readers on small files in exactly those formats, and their error messages. */
class MetricFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void readsCocoReferencesAndResults() throws IOException {
        Path refs = write("captions_val.json", """
                {"info": {"year": 2014}, "images": [{"id": 1}, {"id": 2}],
                 "annotations": [
                  {"image_id": 1, "id": 10, "caption": "A dog runs."},
                  {"image_id": 2, "id": 11, "caption": "A cat sleeps."},
                  {"image_id": 1, "id": 12, "caption": "A brown dog running."}
                 ],
                 "licenses": []}
                """);
        Map<String, List<String>> r = CocoCaptionFiles.references(refs);
        assertEquals(List.of("A dog runs.", "A brown dog running."), r.get("1"));
        assertEquals(List.of("A cat sleeps."), r.get("2"));
        Path res = write("results.json", "[{\"image_id\": 2, \"caption\": \"a cat\"},\n {\"image_id\": \"abc.jpg\", \"caption\": \"x\"}]");
        CocoCaptionFiles.Results results = CocoCaptionFiles.results(res);
        assertEquals("a cat", results.captions().get("2"));
        assertEquals("x", results.captions().get("abc.jpg"));
        assertEquals(2L, results.lines().get("abc.jpg"));
    }

    @Test
    void cocoErrorsNameFileLineAndField() throws IOException {
        Path res = write("bad.json", "[\n{\"image_id\": 1, \"caption\": \"a\"},\n{\"image_id\": 2, \"caption\": 7}\n]");
        MetricInputException e = assertThrows(MetricInputException.class, () -> CocoCaptionFiles.results(res));
        assertTrue(e.getMessage().contains("bad.json:3: results[1].caption: expected a string"), e.getMessage());
        Path dup = write("dup.json", "[\n{\"image_id\": 1, \"caption\": \"a\"},\n{\"image_id\": 1, \"caption\": \"b\"}\n]");
        e = assertThrows(MetricInputException.class, () -> CocoCaptionFiles.results(dup));
        assertTrue(e.getMessage().contains("dup.json:3: results[1].image_id: image 1 already has a result (line 2)"), e.getMessage());
        Path noAnn = write("noann.json", "{\"images\": []}");
        e = assertThrows(MetricInputException.class, () -> CocoCaptionFiles.references(noAnn));
        assertTrue(e.getMessage().contains("no top-level field \"annotations\""), e.getMessage());
        Path broken = write("broken.json", "[{\"image_id\": 1,\n \"caption\": }]");
        e = assertThrows(MetricInputException.class, () -> CocoCaptionFiles.results(broken));
        assertTrue(e.getMessage().contains("broken.json:2: (json): not valid JSON"), e.getMessage());
        e = assertThrows(MetricInputException.class, () -> CocoCaptionFiles.results(dir.resolve("missing.json")));
        assertTrue(e.getMessage().endsWith("missing.json: no such file"), e.getMessage());
    }

    @Test
    void readsVqaFiles() throws IOException {
        Path q = write("questions.json", """
                {"info": {}, "task_type": "Open-Ended", "data_type": "mscoco", "data_subtype": "val2014",
                 "questions": [{"image_id": 9, "question": "What color is the cat?", "question_id": 90}]}
                """);
        Path a = write("annotations.json", """
                {"annotations": [{"question_type": "what color", "multiple_choice_answer": "black",
                  "answers": [{"answer": "black", "answer_confidence": "yes", "answer_id": 1},
                              {"answer": "black", "answer_confidence": "yes", "answer_id": 2},
                              {"answer": "gray", "answer_confidence": "maybe", "answer_id": 3}],
                  "image_id": 9, "answer_type": "other", "question_id": 90}]}
                """);
        Path r = write("results.json", "[{\"question_id\": 90, \"answer\": \"Black\"}]");
        assertEquals("What color is the cat?", VqaFiles.questions(q).get(90L));
        List<VqaAnnotation> anns = VqaFiles.annotations(a);
        assertEquals(new VqaAnnotation(90, "what color", "other", List.of("black", "black", "gray")), anns.get(0));
        assertEquals("Black", VqaFiles.results(r).answers().get(90L));
    }

    @Test
    void vqaErrorsNameFileLineAndField() throws IOException {
        Path a = write("ann.json", "{\"annotations\": [\n{\"question_id\": 1, \"question_type\": \"what\", \"answer_type\": \"other\",\n"
                + " \"answers\": [{\"answer\": \"x\"}, {\"answer\": 3}]}]}");
        MetricInputException e = assertThrows(MetricInputException.class, () -> VqaFiles.annotations(a));
        assertTrue(e.getMessage().contains("ann.json:2: annotations[0].answers[1].answer: missing or not a string"), e.getMessage());
        Path r = write("res.json", "[{\"question_id\": \"one\", \"answer\": \"x\"}]");
        e = assertThrows(MetricInputException.class, () -> VqaFiles.results(r));
        assertTrue(e.getMessage().contains("res.json:1: results[0].question_id: expected an integer"), e.getMessage());
    }
}
