package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unimo generate-world} and {@code unimo bench read} through the launcher. */
class DataCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesBothCommands() {
        Run g = run("generate-world", "--help");
        assertEquals(0, g.code());
        assertTrue(g.out().contains("--feature-dim") && g.out().contains("--seed") && g.out().contains("--out"), g.out());
        Run b = run("bench", "read", "--help");
        assertEquals(0, b.code());
        assertTrue(b.out().contains("MB/s"), b.out());
    }

    @Test
    void generatesAWorldAndBenchmarksReadingIt() throws IOException {
        Path out = dir.resolve("world");
        Run g = run("generate-world", "--seed", "3", "--images", "30", "--feature-dim", "8", "--out", out.toString());
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("done in"), g.out());
        assertTrue(g.err().contains("train images") && g.err().contains("100%"), "progress lines: " + g.err());
        assertTrue(Files.exists(out.resolve("world.json")));
        assertTrue(Files.exists(out.resolve("features/train.tsv")));

        Run again = run("generate-world", "--seed", "3", "--images", "30", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("is not empty; pass --force"), again.err());
        assertEquals(0, run("generate-world", "--seed", "3", "--images", "30", "--feature-dim", "8", "--out", out.toString(), "--force", "--quiet").code());

        Run b = run("bench", "read", out.resolve("features/train.tsv").toString(), "--repeat", "1");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("MB/s") && b.out().contains("records/s") && b.out().contains("peak heap used"), b.out());
    }

    @Test
    void badArgumentsAndBadDataAreClearErrors() throws IOException {
        Run tiny = run("generate-world", "--images", "2", "--out", dir.resolve("w").toString());
        assertEquals(ExitCodes.USAGE, tiny.code());
        assertTrue(tiny.err().contains("--images must be at least 3"), tiny.err());
        Run missing = run("bench", "read", dir.resolve("nope.tsv").toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "1\t10\t10\t1\tAAAA\n");
        Run b = run("bench", "read", bad.toString(), "--repeat", "1");
        assertEquals(ExitCodes.FAILED, b.code());
        assertTrue(b.err().contains(bad + ":1: field 'line': 5 tab-separated fields"), b.err());
    }
}
