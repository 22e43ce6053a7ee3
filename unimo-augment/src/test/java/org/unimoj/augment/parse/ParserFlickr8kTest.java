package org.unimoj.augment.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.SharedFiles;

/** The parser on the 40,460 real captions of Flickr8k: no exception, at least 90% with an object. */
class ParserFlickr8kTest {

    @Test
    void everyCaptionParsesAndAtLeast90PercentYieldAnObject() {
        CaptionParser parser = CaptionParser.standard();
        List<Caption> captions = SharedFiles.flickr8k();
        int withObject = 0;
        long objects = 0;
        long attributes = 0;
        long relations = 0;
        long t0 = System.nanoTime();
        for (Caption c : captions) {
            SceneGraph g = parser.parse(c.text());
            withObject += g.objects().isEmpty() ? 0 : 1;
            objects += g.objects().size();
            attributes += g.attributes().size();
            relations += g.relations().size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double share = withObject / (double) captions.size();
        System.out.printf("parser on %d Flickr8k captions: %.2f%% with at least one object; %.2f objects, %.2f attributes, %.2f relations a caption"
                + " (%.1f s, one thread)%n", captions.size(), 100 * share, objects / (double) captions.size(), attributes / (double) captions.size(),
                relations / (double) captions.size(), seconds);
        for (int i = 0; i < captions.size(); i += captions.size() / 12) {
            ParsedCaption p = parser.parseCaption(captions.get(i).text());
            System.out.println("  " + captions.get(i).text() + "\n    " + Graphs.describe(p.graph()));
        }
        assertTrue(captions.size() == 40460, "captions: " + captions.size());
        assertTrue(share >= 0.90, "share with an object: " + share);
    }
}
