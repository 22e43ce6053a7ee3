package org.unimoj.augment.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unimoj.augment.TestWorld;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.CaptionGraphJsonlReader;
import org.unimoj.data.scene.GroundedCaption;

/** Parser triple F1 on the embedded world's captions against their ground-truth graphs (issue 6: at least 0.95 each). */
class ParserWorldTest {

    @Test
    void tripleF1IsAtLeast095ForObjectsAttributesAndRelations() {
        CaptionParser parser = CaptionParser.standard();
        List<GroundedCaption> captions = TestWorld.captions();
        GraphScore score = new GraphScore();
        Map<String, int[]> byConstruction = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (GroundedCaption c : captions) {
            ParsedCaption p = parser.parseCaption(c.raw());
            assertEquals(c.graph().tokens(), p.tokens(), "tokens of " + c.raw());
            boolean exact = score.add(c.graph(), p.graph());
            int[] k = byConstruction.computeIfAbsent(c.construction(), x -> new int[2]);
            k[0]++;
            if (exact) {
                k[1]++;
            } else if (wrong.size() < 15) {
                wrong.add(c.raw() + "\n    gold " + GraphScore.objectTuples(c.graph()) + GraphScore.attributeTuples(c.graph())
                        + GraphScore.relationTuples(c.graph()) + "\n    ours " + GraphScore.objectTuples(p.graph())
                        + GraphScore.attributeTuples(p.graph()) + GraphScore.relationTuples(p.graph()));
            }
        }
        System.out.printf("parser on %d world captions:%n  objects    %s%n  attributes %s%n  relations  %s%n", captions.size(), score.objects,
                score.attributes, score.relations);
        byConstruction.forEach((k, v) -> System.out.printf("  %-22s %5d captions, %5.1f%% exact%n", k, v[0], 100.0 * v[1] / v[0]));
        wrong.forEach(w -> System.out.println("  not exact: " + w));
        assertTrue(score.objects.f1() >= 0.95, "objects " + score.objects);
        assertTrue(score.attributes.f1() >= 0.95, "attributes " + score.attributes);
        assertTrue(score.relations.f1() >= 0.95, "relations " + score.relations);
    }

    /** The SNLI-VE hypotheses are written by other rules of the generator (facts, counts, hypernyms, non-visual words). */
    @Test
    void hypothesesOfSnliVeParseWithTheSameAccuracy() {
        CaptionParser parser = CaptionParser.standard();
        GraphScore score = new GraphScore();
        int n = 0;
        List<String> wrong = new ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            try (CaptionGraphJsonlReader r = CaptionGraphJsonlReader.open(TestWorld.dir().resolve("snli_ve/hypothesis_graphs_" + split + ".jsonl"),
                    ReadOptions.failFast())) {
                for (GroundedCaption c : r.readAll()) {
                    ParsedCaption p = parser.parseCaption(c.raw());
                    if (!score.add(c.graph(), p.graph()) && wrong.size() < 10) {
                        wrong.add(c.raw() + " [" + c.construction() + "]\n    gold " + GraphScore.objectTuples(c.graph()) + GraphScore.attributeTuples(c.graph())
                                + GraphScore.relationTuples(c.graph()) + "\n    ours " + GraphScore.objectTuples(p.graph())
                                + GraphScore.attributeTuples(p.graph()) + GraphScore.relationTuples(p.graph()));
                    }
                    n++;
                }
            }
        }
        System.out.printf("parser on %d SNLI-VE hypotheses:%n  objects    %s%n  attributes %s%n  relations  %s%n", n, score.objects,
                score.attributes, score.relations);
        wrong.forEach(w -> System.out.println("  not exact: " + w));
        assertTrue(score.objects.f1() >= 0.95, "objects " + score.objects);
        assertTrue(score.attributes.f1() >= 0.95, "attributes " + score.attributes);
        assertTrue(score.relations.f1() >= 0.95, "relations " + score.relations);
    }
}
