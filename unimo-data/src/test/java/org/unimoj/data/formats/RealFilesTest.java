package org.unimoj.data.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.LabeledText;
import org.unimoj.data.captions.Flickr8kTokenReader;
import org.unimoj.data.glue.GlueLayout;
import org.unimoj.data.glue.GlueTsvReader;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.io.Shard;

/** The readers on the real files in ../shared/data. */
class RealFilesTest {

    static Path shared(String p) {
        Path path = Path.of(System.getProperty("unimo.root", ".")).resolve("../shared/data").resolve(p).normalize();
        Assumptions.assumeTrue(Files.exists(path), "missing shared file " + path);
        return path;
    }

    @Test
    void readsTheRealFlickr8kCaptionFile() {
        Path f = shared("flickr8k/Flickr8k.token.txt");
        try (Flickr8kTokenReader r = Flickr8kTokenReader.open(f, ReadOptions.failFast())) {
            List<Caption> all = r.readAll();
            assertEquals(40460, all.size());
            assertEquals(40460, r.counts().accepted());
            Set<String> images = new HashSet<>();
            Set<String> ids = new HashSet<>();
            all.forEach(c -> {
                images.add(c.imageId());
                ids.add(c.id());
            });
            assertEquals(8092, images.size());
            assertEquals(40460, ids.size());
            Caption first = all.get(0);
            assertEquals("1000268201_693b08cb0e.jpg#0", first.id());
            assertEquals("1000268201_693b08cb0e.jpg", first.imageId());
            assertEquals("A child in a pink dress is climbing up a set of stairs in an entry way .", first.text());
            assertEquals("A girl going into a wooden building .", all.get(1).text());
            // Three lines of the real file use a space instead of the tab: read, and said so.
            assertTrue(r.counts().notes().stream().anyMatch(n -> n.startsWith("3 line(s)") && n.contains("space instead of a tab")),
                    r.counts().toString());
        }
    }

    @Test
    void shardsOfTheRealFileCoverItOnce() {
        Path f = shared("flickr8k/Flickr8k.token.txt");
        Set<String> ids = new HashSet<>();
        long total = 0;
        for (int i = 0; i < 3; i++) {
            try (Flickr8kTokenReader r = Flickr8kTokenReader.open(f, ReadOptions.failFast().withShard(new Shard(i, 3)))) {
                for (Caption c : r.readAll()) {
                    ids.add(c.id());
                    total++;
                }
            }
        }
        assertEquals(40460, total);
        assertEquals(40460, ids.size());
    }

    @Test
    void readsTheColumnMappedSentenceClassificationFiles() {
        check("sentence-classification/CoLA/train.tsv", GlueLayout.SENTENCE_TAB_LABEL, 8551,
                "our friends wo n't buy this analysis , let alone the next one we propose", "1");
        check("sentence-classification/CoLA/dev.tsv", GlueLayout.SENTENCE_TAB_LABEL, 516, "somebody just left guess who", "1");
        check("sentence-classification/SST2/train.tsv", GlueLayout.LABEL_TAB_SENTENCE, 6920,
                "a stirring , funny and finally transporting re imagining of beauty and the beast and 1930s horror films", "1");
        check("sentence-classification/SST2/dev.tsv", GlueLayout.LABEL_TAB_SENTENCE, 1821, "no movement , no yuks , not much of anything", "0");
    }

    private static void check(String file, GlueLayout layout, int count, String firstText, String firstLabel) {
        try (GlueTsvReader r = GlueTsvReader.open(shared(file), layout, ReadOptions.failFast())) {
            List<LabeledText> all = r.readAll();
            assertEquals(count, all.size(), file);
            assertEquals(firstText, all.get(0).text());
            assertEquals(firstLabel, all.get(0).label());
            assertEquals("1", all.get(0).id());
            long ones = all.stream().filter(x -> x.label().equals("1")).count();
            assertTrue(ones > 0 && ones < count, file + ": both labels occur");
            assertTrue(r.counts().notes().isEmpty(), r.counts().toString());
        }
    }
}
