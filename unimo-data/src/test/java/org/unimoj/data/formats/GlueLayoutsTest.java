package org.unimoj.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.LabeledText;
import org.unimoj.data.glue.GlueLayout;
import org.unimoj.data.glue.GlueTsvReader;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;

/** The official GLUE layouts, on small files written exactly as GLUE distributes them. */
class GlueLayoutsTest {

    @TempDir
    Path dir;

    private List<LabeledText> read(String name, String content, GlueLayout layout) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        try (GlueTsvReader r = GlueTsvReader.open(f, layout, ReadOptions.failFast())) {
            return r.readAll();
        }
    }

    @Test
    void sst2TrainAndTest() throws IOException {
        List<LabeledText> train = read("train.tsv", "sentence\tlabel\nhide new secretions from the parental units \t0\ncontains no wit , only labored gags \t0\nthat loves its characters \t1\n", GlueLayout.SST2);
        assertEquals(3, train.size());
        assertEquals("hide new secretions from the parental units", train.get(0).text());
        assertEquals("1", train.get(2).label());
        assertEquals("4", train.get(2).id());
        List<LabeledText> test = read("test.tsv", "index\tsentence\n0\tuneasy mishmash of styles and genres .\n1\tthis film 's relationship to actual tension is the same as what christmas-tree flocking in a spray can is to actual snow : a poor -- if durable -- imitation .\n", GlueLayout.SST2);
        assertEquals("0", test.get(0).id());
        assertNull(test.get(0).label());
        assertFalse(test.get(1).isLabeled());
    }

    @Test
    void colaTrainWithoutHeaderAndTestWithHeader() throws IOException {
        List<LabeledText> train = read("train.tsv", "gj04\t1\t\tOur friends won't buy this analysis, let alone the next one we propose.\ngj04\t0\t*\tThey drank the pub.\n", GlueLayout.COLA);
        assertEquals(2, train.size());
        assertEquals("They drank the pub.", train.get(1).text());
        assertEquals("0", train.get(1).label());
        List<LabeledText> test = read("test.tsv", "index\tsentence\n0\tBill whistled past the house.\n1\tThe car honked its way down the road.\n", GlueLayout.COLA);
        assertEquals(2, test.size());
        assertEquals("1", test.get(1).id());
        assertNull(test.get(1).label());
    }

    @Test
    void mnliTrainDevMatchedDevMismatchedAndTest() throws IOException {
        String trainHeader = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tgold_label\n";
        List<LabeledText> train = read("train.tsv", trainHeader
                + "0\t31193\t31193n\tgovernment\t( ( Conceptually cream ) skimming )\t( ( Product and ) geography )\t(ROOT (S))\t(ROOT (S))\tConceptually cream skimming has two basic dimensions - product and geography.\tProduct and geography are what make cream skimming work. \tneutral\tneutral\n"
                + "1\t101457\t101457e\ttelephone\t( you know )\t( You lose )\t(ROOT (S))\t(ROOT (S))\tyou know during the season and i guess at at your level uh you lose them to the next level if \"if they decide to recall the the parent team\"\tYou lose the things to the following level if the people recall.\tentailment\tentailment\n",
                GlueLayout.MNLI);
        assertEquals(2, train.size());
        assertEquals("Product and geography are what make cream skimming work.", train.get(0).pairText());
        assertEquals("entailment", train.get(1).label());
        assertTrue(train.get(1).text().contains("\"if they decide"), "quotes are kept as text");
        String devHeader = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label\n";
        String devLine = "0\t63735\t63735n\tslate\t( ( The new ) rights )\t( Everyone )\t(ROOT)\t(ROOT)\tThe new rights are nice enough\tEveryone really likes the newest benefits \tneutral\tentailment\tneutral\tneutral\tneutral\tneutral\n";
        for (String name : List.of("dev_matched.tsv", "dev_mismatched.tsv")) {
            List<LabeledText> dev = read(name, devHeader + devLine, GlueLayout.MNLI);
            assertEquals("neutral", dev.get(0).label());
            assertEquals("The new rights are nice enough", dev.get(0).text());
        }
        String testHeader = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\n";
        List<LabeledText> test = read("test_matched.tsv", testHeader + "0\t31493\t31493\ttravel\t( ( Hierbas ) )\t( ( Hierbas ) )\t(ROOT)\t(ROOT)\tHierbas, ans seco, ans dulce, and frigola are just a few names worth keeping a look-out for.\tHierbas is a name worth looking out for.\n", GlueLayout.MNLI);
        assertNull(test.get(0).label());
        assertTrue(test.get(0).isPair());
    }

    @Test
    void stsb() throws IOException {
        List<LabeledText> dev = read("dev.tsv", "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n"
                + "0\tmain-captions\tMSRvid\t2012test\t0000\tnone\tnone\tA man with a hard hat is dancing.\tA man wearing a hard hat is dancing.\t5.000\n"
                + "1\tmain-captions\tMSRvid\t2012test\t0002\tnone\tnone\tA young child is riding a horse.\tA child is riding a horse.\t4.750\n", GlueLayout.STSB);
        assertEquals("4.750", dev.get(1).label());
        assertEquals("A child is riding a horse.", dev.get(1).pairText());
    }

    @Test
    void badLinesNameTheFieldAndGoToQuarantine() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, "sentence\tlabel\ngood one\t1\nbad label\t2\nmissing label\nempty text \t\t0\n\t1\nfine\t0\r\n");
        DataError e = assertThrows(DataError.class, () -> GlueTsvReader.open(f, GlueLayout.SST2, ReadOptions.failFast()).readAll());
        assertEquals(3, e.line());
        assertEquals("label", e.field());
        assertTrue(e.getMessage().contains("'2' is not 0 or 1"), e.getMessage());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl")); GlueTsvReader r = GlueTsvReader.open(f, GlueLayout.SST2, ReadOptions.skipTo(q))) {
            List<LabeledText> ok = r.readAll();
            assertEquals(List.of("good one", "fine"), ok.stream().map(LabeledText::text).toList());
            assertEquals("0", ok.get(1).label(), "the CR is not part of the label");
            assertEquals(6, r.counts().read());
            assertEquals(4, r.counts().quarantined());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.contains("CRLF")));
        }
        List<String> q = Files.readAllLines(dir.resolve("q.jsonl"));
        assertTrue(q.get(1).contains("\"line\":4") && q.get(1).contains("1 tab-separated fields; expected 2"), q.get(1));
        assertTrue(q.get(3).contains("\"field\":\"sentence\"") && q.get(3).contains("empty"), q.get(3));
    }

    @Test
    void headerWithoutTheNamedColumnIsAFileError() throws IOException {
        Path f = dir.resolve("x.tsv");
        Files.writeString(f, "text\tlabel\nhello\t1\n");
        DataError e = assertThrows(DataError.class, () -> GlueTsvReader.open(f, GlueLayout.SST2, ReadOptions.failFast()).readAll());
        assertTrue(e.getMessage().contains("no 'sentence' column"), e.getMessage());
    }
}
