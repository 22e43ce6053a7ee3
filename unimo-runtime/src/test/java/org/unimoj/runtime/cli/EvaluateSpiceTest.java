package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unimo evaluate captions} reports SPICE, with scene graphs from the augment module's caption
 * parser. Worked by hand: the candidate "a dog is chasing a cat" has the tuples (dog), (cat),
 * (dog, chasing, cat); the references "a dog is chasing a cat" and "a black dog runs" have those and
 * (dog, black), (dog, running): precision 3/3, recall 3/5, SPICE = 2 * 1 * 0.6 / 1.6 = 0.75. A
 * candidate about something else ("a red car"): no tuple in common, 0.
 */
class EvaluateSpiceTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static double value(String out, String metric) {
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(metric)) {
                return Double.parseDouble(parts[1]);
            }
        }
        throw new AssertionError("no " + metric + " in:\n" + out);
    }

    @Test
    void captionsReportSpiceComputedWithTheCaptionParser() throws IOException {
        Path refs = dir.resolve("refs.json");
        Files.writeString(refs, "{\"annotations\": [{\"image_id\": 1, \"id\": 1, \"caption\": \"A dog is chasing a cat.\"},"
                + " {\"image_id\": 1, \"id\": 2, \"caption\": \"A black dog runs.\"},"
                + " {\"image_id\": 2, \"id\": 3, \"caption\": \"A dog is chasing a cat.\"},"
                + " {\"image_id\": 2, \"id\": 4, \"caption\": \"A black dog runs.\"}]}");
        Path preds = dir.resolve("preds.json");
        Files.writeString(preds, "[{\"image_id\": 1, \"caption\": \"A dog is chasing a cat.\"}]");
        String[] r = run("evaluate", "captions", "--refs", refs.toString(), "--preds", preds.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(0.75, value(r[1], "SPICE"), 1e-9, r[1]);

        Path other = dir.resolve("other.json");
        Files.writeString(other, "[{\"image_id\": 1, \"caption\": \"A dog is chasing a cat.\"}, {\"image_id\": 2, \"caption\": \"A red car.\"}]");
        String[] r2 = run("evaluate", "captions", "--refs", refs.toString(), "--preds", other.toString());
        assertEquals("0", r2[0], r2[2]);
        assertEquals((0.75 + 0.0) / 2, value(r2[1], "SPICE"), 1e-9, r2[1]);

        String[] none = run("evaluate", "captions", "--refs", refs.toString(), "--preds", preds.toString(), "--no-spice");
        assertEquals("0", none[0], none[2]);
        assertFalse(none[1].contains("SPICE"), none[1]);
        assertTrue(r[2].contains("SPICE"), "the time of the SPICE step is reported: " + r[2]);
    }
}
