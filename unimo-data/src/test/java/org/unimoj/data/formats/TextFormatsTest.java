package org.unimoj.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.api.data.TextRecord;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.summarization.SummarizationTsvReader;

class TextFormatsTest {

    @TempDir
    Path dir;

    @Test
    void summarizationTsvWithAndWithoutHeader() throws IOException {
        Path f = dir.resolve("train.tsv");
        Files.writeString(f, "src\ttgt\nthe man rides . the horse is brown .\ta man riding a brown horse\n");
        try (SummarizationTsvReader r = SummarizationTsvReader.open(f, ReadOptions.failFast())) {
            assertEquals(List.of(new SourceTarget("2", "the man rides . the horse is brown .", "a man riding a brown horse")), r.readAll());
        }
        Path g = dir.resolve("plain.tsv");
        Files.writeString(g, "a b\tc\n");
        try (SummarizationTsvReader r = SummarizationTsvReader.open(g, ReadOptions.failFast())) {
            assertEquals("c", r.readAll().get(0).target());
        }
    }

    @Test
    void summarizationBadLines() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, "src\ttgt\na\tb\tc\nsource only\nx\t \nok\tfine\n");
        DataError e = assertThrows(DataError.class, () -> SummarizationTsvReader.open(f, ReadOptions.failFast()).readAll());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("3 tab-separated fields; expected 2"), e.getMessage());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl")); SummarizationTsvReader r = SummarizationTsvReader.open(f, ReadOptions.skipTo(q))) {
            assertEquals(1, r.readAll().size());
            assertEquals(3, r.counts().quarantined());
        }
        assertTrue(Files.readString(dir.resolve("q.jsonl")).contains("\"field\":\"tgt\",\"reason\":\"empty\""));
    }

    @Test
    void corpusLinesEmptyLinesAndBadBytes() throws IOException {
        Path f = dir.resolve("text.txt");
        byte[] bad = {'b', 'a', 'd', ' ', (byte) 0xC3, '(', '\n'};
        byte[] head = "a dog is an animal .\n\nhorses can be ridden .\n".getBytes();
        byte[] tail = "a bell\u0007rings .\nthe end .\n".getBytes();
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Files.write(f, all);
        DataError e = assertThrows(DataError.class, () -> TextCorpusReader.open(f, ReadOptions.failFast()).readAll());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl")); TextCorpusReader r = TextCorpusReader.open(f, ReadOptions.skipTo(q))) {
            List<TextRecord> ok = r.readAll();
            assertEquals(List.of("a dog is an animal .", "horses can be ridden .", "the end ."), ok.stream().map(TextRecord::text).toList());
            assertEquals("text.txt:3", ok.get(1).id());
            assertEquals(2, r.counts().quarantined());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.startsWith("1 empty line(s)")), r.counts().toString());
        }
        assertTrue(Files.readString(dir.resolve("q.jsonl")).contains("control character U+0007"));
    }
}
