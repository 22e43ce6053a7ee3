package org.unimoj.augment.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.TestWorld;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.CaptionGraphJsonlReader;
import org.unimoj.data.scene.GroundedCaption;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneTruth;
import org.unimoj.data.scene.Truth;

/**
 * On ground-truth image graphs, {@link GraphSupport} must decide exactly as the world's own truth
 * ({@link SceneTruth}, in unimo-data): captions against their image and against other images, and the
 * SNLI-VE hypotheses (true, false and undecidable by construction).
 */
class GraphSupportTest {

    private static GraphSupport.Support expected(Truth t) {
        return switch (t) {
            case TRUE -> GraphSupport.Support.SUPPORTED;
            case FALSE -> GraphSupport.Support.UNSUPPORTED;
            case UNKNOWN -> GraphSupport.Support.UNDECIDABLE;
        };
    }

    @Test
    void agreesWithTheWorldsTruthOnCaptionsAndHypotheses() {
        GraphSupport support = new GraphSupport(Lexicon.standard());
        SceneTruth truth = SceneTruth.world();
        Map<String, ImageScene> scenes = TestWorld.scenes("train");
        List<ImageScene> all = new ArrayList<>(scenes.values());
        SplittableRandom r = new SplittableRandom(3);
        int checked = 0;
        int[] byTruth = new int[3];
        List<String> disagreements = new ArrayList<>();
        for (GroundedCaption c : TestWorld.captions("train")) {
            for (ImageScene scene : List.of(scenes.get(c.imageId()), all.get(r.nextInt(all.size())))) {
                Truth t = truth.evaluate(scene, c.graph());
                GraphSupport.Support s = support.check(ImageGraphs.fromScene(scene), c.graph());
                byTruth[t.ordinal()]++;
                if (s != expected(t)) {
                    disagreements.add(c.raw() + " on image " + scene.imageId() + ": truth " + t + ", support " + s);
                }
                checked++;
            }
        }
        try (CaptionGraphJsonlReader h = CaptionGraphJsonlReader.open(TestWorld.dir().resolve("snli_ve/hypothesis_graphs_train.jsonl"),
                ReadOptions.failFast())) {
            for (GroundedCaption c : h.readAll()) {
                ImageScene scene = scenes.get(c.imageId());
                Truth t = truth.evaluate(scene, c.graph());
                GraphSupport.Support s = support.check(ImageGraphs.fromScene(scene), c.graph());
                byTruth[t.ordinal()]++;
                if (s != expected(t)) {
                    disagreements.add(c.raw() + " on image " + scene.imageId() + ": truth " + t + ", support " + s);
                }
                checked++;
            }
        }
        System.out.printf("graph support vs. world truth: %d checks (%d true, %d false, %d unknown), %d disagreements%n", checked,
                byTruth[0], byTruth[1], byTruth[2], disagreements.size());
        disagreements.stream().limit(10).forEach(d -> System.out.println("  " + d));
        assertTrue(byTruth[1] > 1000 && byTruth[2] > 100);
        assertEquals(List.of(), disagreements);
    }

    @Test
    void entailmentAcceptsSubgraphsAndRefusesDroppedPluralAttributes() {
        CaptionParser p = CaptionParser.standard();
        Entailment e = new Entailment(Lexicon.standard());
        SceneGraph original = p.parse("Two black dogs are chasing a small white cat.");
        assertTrue(e.entails(original, p.parse("Two black dogs are chasing a cat.")));
        assertTrue(e.entails(original, p.parse("A dog is chasing a white cat.")));
        assertTrue(e.entails(original, p.parse("An animal is chasing a cat.")));
        assertTrue(!e.entails(original, p.parse("Two dogs are chasing a cat.")), "two black dogs -> two dogs can be false");
        assertTrue(!e.entails(original, p.parse("A cat is chasing a dog.")));
        assertTrue(!e.entails(original, p.parse("Two black dogs are chasing a big cat.")));
        assertTrue(e.equivalent(p.parse("A big sofa."), p.parse("A large couch.")));
        assertTrue(e.equivalent(p.parse("A cup to the left of a plate."), p.parse("A plate to the right of a cup.")));
    }
}
