package org.unimoj.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.api.data.VqaExample;
import org.unimoj.data.captions.CaptionTokens;
import org.unimoj.data.captions.CocoCaptionsReader;
import org.unimoj.data.captions.CocoCaptionsWriter;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.captions.KarpathyJsonWriter;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.Quarantine;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.Shard;
import org.unimoj.data.snlive.SnliVeReader;
import org.unimoj.data.snlive.SnliVeWriter;
import org.unimoj.data.vqa.VqaReader;
import org.unimoj.data.vqa.VqaWriter;

class JsonFormatsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    static final String KARPATHY_FLICKR = "{\"images\": [{\"sentids\": [0, 1], \"imgid\": 0, \"sentences\": ["
            + "{\"tokens\": [\"two\", \"young\", \"guys\"], \"raw\": \"Two young guys.\", \"imgid\": 0, \"sentid\": 0},"
            + "{\"tokens\": [\"two\", \"men\"], \"raw\": \"Two men.\", \"imgid\": 0, \"sentid\": 1}],"
            + " \"split\": \"train\", \"filename\": \"1000092795.jpg\"},\n"
            + "{\"sentids\": [2], \"imgid\": 1, \"sentences\": [{\"tokens\": [\"a\", \"dog\"], \"raw\": \"A dog.\", \"imgid\": 1, \"sentid\": 2}],"
            + " \"split\": \"test\", \"filename\": \"10002456.jpg\"}], \"dataset\": \"flickr30k\"}";

    @Test
    void karpathyFlickr30kLayoutTakesTheIdFromTheFileName() throws IOException {
        Path f = write("dataset_flickr30k.json", KARPATHY_FLICKR);
        try (KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.failFast())) {
            List<CaptionedImage> all = r.readAll();
            assertEquals(2, all.size());
            assertEquals("1000092795", all.get(0).imageId());
            assertEquals(Split.TRAIN, all.get(0).split());
            assertEquals("Two men.", all.get(0).captions().get(1).text());
            assertEquals("1", all.get(0).captions().get(1).id());
            assertEquals(List.of("two", "men"), all.get(0).tokens().get(1));
            assertEquals(Split.TEST, all.get(1).split());
        }
        try (KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.failFast().withShard(new Shard(1, 2)))) {
            assertEquals(List.of("10002456"), r.readAll().stream().map(CaptionedImage::imageId).toList());
        }
    }

    @Test
    void karpathyWriterAndReaderAgree() {
        Path f = dir.resolve("dataset_world.json");
        CaptionedImage a = new CaptionedImage("17", "world_000000000017.jpg", Split.VAL,
                List.of(new Caption("85", "17", "A red car."), new Caption("86", "17", "A car next to a bench.")),
                List.of(CaptionTokens.of("A red car."), CaptionTokens.of("A car next to a bench.")));
        try (KarpathyJsonWriter w = new KarpathyJsonWriter(f, "world")) {
            w.add(a);
        }
        try (KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.failFast())) {
            assertEquals(List.of(a), r.readAll());
        }
    }

    @Test
    void karpathyBadRecordsAndUnknownIds() throws IOException {
        String doc = "{\"images\": [\n"
                + "{\"cocoid\": 1, \"filename\": \"a.jpg\", \"split\": \"train\", \"sentences\": [{\"raw\": \"A cat.\", \"sentid\": 1}]},\n"
                + "{\"cocoid\": 2, \"filename\": \"b.jpg\", \"split\": \"train\", \"sentences\": [{\"raw\": \"\", \"sentid\": 2}]},\n"
                + "{\"cocoid\": 3, \"filename\": \"c.jpg\", \"split\": \"holdout\", \"sentences\": [{\"raw\": \"A dog.\", \"sentid\": 3}]},\n"
                + "{\"cocoid\": 4, \"filename\": \"d.jpg\", \"split\": \"val\", \"sentences\": [{\"raw\": \"A cow.\", \"sentid\": 4}]},\n"
                + "{\"cocoid\": 5, \"filename\": \"e.jpg\", \"split\": \"val\", \"sentences\": []}\n"
                + "]}";
        Path f = write("k.json", doc);
        DataError e = assertThrows(DataError.class, () -> KarpathyJsonReader.open(f, ReadOptions.failFast()).readAll());
        assertEquals(3, e.line());
        assertEquals("images[1].sentences[0].raw", e.field());
        KnownIds features = KnownIds.of(Set.of("1", "2", "3", "5"), "features/train.tsv");
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl"));
             KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.skipTo(q), features)) {
            assertEquals(List.of("1"), r.readAll().stream().map(CaptionedImage::imageId).toList());
            assertEquals(5, r.counts().read());
            assertEquals(4, r.counts().quarantined());
        }
        String q = Files.readString(dir.resolve("q.jsonl"));
        assertTrue(q.contains("unknown split 'holdout'"), q);
        assertTrue(q.contains("unknown image id '4' (not in features/train.tsv)"), q);
        assertTrue(q.contains("\"field\":\"images[4].sentences\",\"reason\":\"no captions\""), q);
    }

    @Test
    void brokenOrTruncatedJsonIsAnErrorAtItsLine() throws IOException {
        Path f = write("t.json", "{\"images\": [\n{\"cocoid\": 1, \"filename\": \"a.jpg\", \"split\": \"train\", \"sentences\": [{\"raw\": \"A cat.\"}]},\n{\"cocoid\": 2, \"filen");
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl"));
             KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.skipTo(q))) {
            assertEquals("1", r.next().imageId());
            DataError e = assertThrows(DataError.class, r::next);
            assertTrue(e.getMessage().contains("broken JSON") && e.getMessage().contains("line 3"), e.getMessage());
        }
        Path noArray = write("n.json", "{\"dataset\": \"x\"}");
        DataError e = assertThrows(DataError.class, () -> KarpathyJsonReader.open(noArray, ReadOptions.failFast()).readAll());
        assertTrue(e.getMessage().contains("no top-level 'images' array"), e.getMessage());
        Path empty = write("e.json", "");
        assertThrows(DataError.class, () -> KarpathyJsonReader.open(empty, ReadOptions.failFast()).readAll());
        Path emptyArray = write("ea.json", "{\"images\": []}");
        e = assertThrows(DataError.class, () -> KarpathyJsonReader.open(emptyArray, ReadOptions.failFast()).readAll());
        assertTrue(e.getMessage().contains("empty file: no records"), e.getMessage());
    }

    @Test
    void jsonWithByteOrderMarkIsReadAndReported() throws IOException {
        Path f = dir.resolve("bom.json");
        Files.writeString(f, "\uFEFF" + KARPATHY_FLICKR, StandardCharsets.UTF_8);
        try (KarpathyJsonReader r = KarpathyJsonReader.open(f, ReadOptions.failFast())) {
            assertEquals(2, r.readAll().size());
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.contains("byte-order mark")));
        }
    }

    @Test
    void cocoCaptionsCheckTheirImages() throws IOException {
        Path f = dir.resolve("captions_val.json");
        CocoCaptionsWriter.write(f, "test", List.of(new CocoCaptionsWriter.Image(1, "a.jpg", 640, 480), new CocoCaptionsWriter.Image(2, "b.jpg", 640, 480)),
                List.of(new Caption("10", "1", "A cat."), new Caption("11", "2", "A dog.")));
        try (CocoCaptionsReader r = CocoCaptionsReader.open(f, ReadOptions.failFast())) {
            assertEquals(List.of(new Caption("10", "1", "A cat."), new Caption("11", "2", "A dog.")), r.readAll());
        }
        Path bad = write("captions_bad.json", "{\"annotations\": [{\"image_id\": 1, \"id\": 5, \"caption\": \"x\"}, {\"image_id\": 9, \"id\": 6, \"caption\": \"y\"}],"
                + " \"images\": [{\"id\": 1, \"file_name\": \"a.jpg\"}]}");
        DataError e = assertThrows(DataError.class, () -> CocoCaptionsReader.open(bad, ReadOptions.failFast()).readAll());
        assertEquals("annotations[1].image_id", e.field());
        assertTrue(e.getMessage().contains("unknown image id '9' (not in this file's images)"), e.getMessage());
    }

    private void writeVqa(Path q, Path a) {
        VqaExample x = new VqaExample("10", "1", "How many dogs are there?", "how many", "number", "2",
                List.of("2", "2", "2", "3", "2", "2", "2", "2", "2", "2"));
        VqaExample y = new VqaExample("11", "1", "Is there a cat?", "is there a", "yes/no", "no",
                List.of("no", "no", "no", "no", "no", "no", "no", "no", "yes", "no"));
        VqaWriter.write(q, a, "world_val", List.of(new VqaWriter.Entry(x, List.of("yes", "yes", "yes", "maybe", "yes", "yes", "yes", "yes", "yes", "yes")),
                new VqaWriter.Entry(y, List.of("yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "maybe", "yes"))));
    }

    @Test
    void vqaQuestionsAndAnnotationsAreJoinedInStep() throws IOException {
        Path q = dir.resolve("q.json"), a = dir.resolve("a.json");
        writeVqa(q, a);
        try (VqaReader r = VqaReader.open(q, a, ReadOptions.failFast())) {
            List<VqaExample> all = r.readAll();
            assertEquals(2, all.size());
            assertEquals("2", all.get(0).answer());
            assertEquals(10, all.get(0).answers().size());
            assertEquals("3", all.get(0).answers().get(3));
            assertEquals("yes/no", all.get(1).answerType());
        }
        try (VqaReader r = VqaReader.open(q, null, ReadOptions.failFast())) {
            List<VqaExample> all = r.readAll();
            assertTrue(!all.get(0).isAnnotated() && all.get(1).question().equals("Is there a cat?"));
        }
        DataError unknown = assertThrows(DataError.class,
                () -> VqaReader.open(q, a, ReadOptions.failFast(), KnownIds.of(Set.of("7"), "features/val.tsv")).readAll());
        assertTrue(unknown.getMessage().contains("unknown image id '1' (not in features/val.tsv)"), unknown.getMessage());
        // An annotation out of step names the annotations file.
        String ann = Files.readString(a).replace("\"question_id\":11", "\"question_id\":12");
        Files.writeString(a, ann);
        DataError e = assertThrows(DataError.class, () -> VqaReader.open(q, a, ReadOptions.failFast()).readAll());
        assertEquals(a, e.file());
        assertEquals("annotations[1].question_id", e.field());
        assertTrue(e.getMessage().contains("is 12 but question 1 of the questions file is 11"), e.getMessage());
        // Fewer annotations than questions.
        Path a2 = write("a2.json", "{\"annotations\": [" + ann.substring(ann.indexOf("{\"question_type\""), ann.indexOf("},\n{\"question_type\"") + 1) + "]}");
        DataError e2 = assertThrows(DataError.class, () -> VqaReader.open(q, a2, ReadOptions.failFast()).readAll());
        assertTrue(e2.getMessage().contains("ends after 1 annotations"), e2.getMessage());
    }

    @Test
    void snliVeLines() throws IOException {
        Path f = dir.resolve("snli_ve_dev.jsonl");
        try (SnliVeWriter w = new SnliVeWriter(f)) {
            w.write(new VisualEntailment("1#0r1e", "1", "A cat on a table.", "There is a cat.", EntailmentLabel.ENTAILMENT), "1#0");
            w.write(new VisualEntailment("1#0r1c", "1", "A cat on a table.", "There is a giraffe.", EntailmentLabel.CONTRADICTION), "1#0");
        }
        Files.writeString(f, Files.readString(f)
                + "{\"Flickr30K_ID\": \"2\", \"sentence1\": \"x\", \"sentence2\": \"y\", \"gold_label\": \"-\", \"pairID\": \"2n\"}\r\n"
                + "{\"Flickr30K_ID\": \"3\", \"sentence1\": \"x\", \"sentence2\": \"y\", \"gold_label\": \"neutral\", \"pairID\": \"3n\"}\n"
                + "{\"Flickr30K_ID\": \"1\", \"sentence1\": \"x\", \"sentence2\": \n"
                + "{\"Flickr30K_ID\": NaN, \"sentence1\": \"x\", \"sentence2\": \"y\", \"gold_label\": \"neutral\", \"pairID\": \"4n\"}\n"
                + "{\"Flickr30K_ID\": \"1\", \"sentence1\": \"x\", \"sentence2\": \"z\", \"gold_label\": \"neutral\", \"pairID\": \"1#0r1e\"}\n");
        DataError e = assertThrows(DataError.class, () -> SnliVeReader.open(f, ReadOptions.failFast()).readAll());
        assertEquals(3, e.line());
        assertEquals("gold_label", e.field());
        try (Quarantine q = Quarantine.toFile(dir.resolve("q.jsonl"));
             SnliVeReader r = SnliVeReader.open(f, ReadOptions.skipTo(q), KnownIds.of(Set.of("1", "2"), "features/val.tsv"))) {
            List<VisualEntailment> ok = r.readAll();
            assertEquals(2, ok.size());
            assertEquals(EntailmentLabel.CONTRADICTION, ok.get(1).label());
            assertEquals(7, r.counts().read());
            assertEquals(5, r.counts().quarantined());
        }
        String q = Files.readString(dir.resolve("q.jsonl"));
        assertTrue(q.contains("unknown image id '3'"), q);
        assertTrue(q.contains("not valid JSON"), q);
        assertTrue(q.contains("duplicate pair id '1#0r1e'"), q);
    }
}
