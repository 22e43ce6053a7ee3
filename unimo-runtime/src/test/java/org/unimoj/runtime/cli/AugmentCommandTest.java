package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unimo augment} through the launcher, on a small generated world. */
class AugmentCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path world() {
        Path w = dir.resolve("world");
        Run g = run("generate-world", "--seed", "4", "--images", "80", "--feature-dim", "8", "--out", w.toString(), "--quiet");
        assertEquals(0, g.code(), g.err());
        return w;
    }

    @Test
    void augmentsAWorldWithProgressAndASummaryPerRewriter() throws IOException {
        Path w = world();
        Path out = dir.resolve("aug");
        Run r = run("augment", "--in", w.toString(), "--out", out.toString(), "--seed", "9", "--plugins-dir", dir.toString(),
                "--set", "unimo.augment.rewriters.object-swap.max=1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("augment: parsing") && r.err().contains("100%") && r.err().contains("pairs"), "progress: " + r.err());
        for (String name : List.of("paraphrase", "tfidf-negative", "object-swap", "attribute-swap", "relation-swap", "word-order", "drop-attribute",
                "drop-relation", "add-attribute", "negation", "question", "related images", "related texts")) {
            assertTrue(r.out().contains("  " + name + " "), name + " missing from the summary:\n" + r.out());
        }
        assertTrue(r.out().contains("ground-truth image graphs"), r.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long pairs = summary.get("pairs").asLong();
        assertTrue(pairs > 200, "pairs: " + pairs);
        assertTrue(summary.get("rewriters").get("object-swap").get("rewrites").asLong() <= pairs, "max = 1 per pair");
        assertEquals(pairs, Files.readAllLines(out.resolve("augment.jsonl")).size());

        Run again = run("augment", "--in", w.toString(), "--out", out.toString(), "--plugins-dir", dir.toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("is not empty; pass --force"), again.err());

        Path ablation = dir.resolve("ablation");
        Run a = run("augment", "--in", w.toString(), "--out", ablation.toString(), "--plugins-dir", dir.toString(), "--quiet",
                "--rewriters", "sentence,word-order", "--related-images", "0", "--related-texts", "0", "--split", "val");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("tfidf-negative") && !a.out().contains("object-swap") && a.out().contains("off: related images"), a.out());
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        Run noOut = run("augment", "--in", dir.toString());
        assertEquals(ExitCodes.USAGE, noOut.code());
        assertTrue(noOut.err().contains("missing --out"), noOut.err());

        Path w = world();
        Run unknown = run("augment", "--in", w.toString(), "--out", dir.resolve("x").toString(), "--rewriters", "nope", "--plugins-dir", dir.toString());
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("unknown rewriter 'nope'"), unknown.err());

        Run mode = run("augment", "--in", w.toString(), "--out", dir.resolve("y").toString(), "--image-graphs", "magic", "--plugins-dir", dir.toString());
        assertEquals(ExitCodes.USAGE, mode.code());
        assertTrue(mode.err().contains("image graphs 'magic'"), mode.err());

        Run missing = run("augment", "--captions", dir.resolve("none.json").toString(), "--out", dir.resolve("z").toString(), "--plugins-dir", dir.toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("none.json: no such file"), missing.err());

        Run bench = run("augment", "bench", "--help");
        assertEquals(0, bench.code());
        assertTrue(bench.out().contains("flock /tmp/unimo-bench.lock"), bench.out());
    }
}
