package org.unimoj.augment.rewrite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.rewrite.Polarity;
import org.unimoj.api.rewrite.Rewrite;
import org.unimoj.api.rewrite.RewriteRequest;
import org.unimoj.api.rewrite.Rewriter;
import org.unimoj.api.rewrite.RewriterContext;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.text.SceneGraph;
import org.unimoj.augment.TestWorld;
import org.unimoj.augment.graph.ImageGraphs;
import org.unimoj.augment.lexicon.Lexicon;
import org.unimoj.augment.parse.CaptionParser;
import org.unimoj.augment.parse.ParsedCaption;
import org.unimoj.data.scene.GroundedCaption;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.SceneTruth;
import org.unimoj.data.scene.Truth;

/**
 * Issue 6: on the embedded world, every negative is false and every positive true against the ground
 * truth, for each rewriter, at least 99% of the time. Truth is the world's own ({@link SceneTruth}
 * in unimo-data) of the parse of each rewritten sentence; a negated sentence is true when what it
 * denies is false; a question counts as true when its answer is yes. Rewriters see the image's
 * ground-truth graph, as a job on the world gives them; the same run with the union of the image's
 * caption graphs instead (what real data offers) is reported too.
 */
class RewriterTruthTest {

    private record Rate(int total, int right, List<String> wrong, List<String> samples) {}

    @Test
    void negativesAreFalseAndPositivesTrueAtLeast99PercentPerRewriter() {
        CaptionParser parser = CaptionParser.standard();
        List<GroundedCaption> grounded = TestWorld.captions("train");
        Map<String, ImageScene> scenes = TestWorld.scenes("train");
        List<Caption> captions = new ArrayList<>();
        grounded.forEach(g -> captions.add(new Caption(g.id(), g.imageId(), g.raw())));
        Map<String, List<SceneGraph>> byImage = new LinkedHashMap<>();
        for (GroundedCaption g : grounded) {
            byImage.computeIfAbsent(g.imageId(), k -> new ArrayList<>()).add(parser.parse(g.raw()));
        }
        Map<String, RewriterProvider> all = Rewriters.available();
        assertTrue(all.size() >= 11, "rewriters found: " + all.keySet());

        Map<String, Rate> truth = run(all, captions, scenes, parser, id -> ImageGraphs.fromScene(scenes.get(id)));
        Map<String, Rate> union = run(all, captions, scenes, parser, id -> ImageGraphs.union(byImage.get(id), Lexicon.standard()));

        System.out.printf("rewriters on %d world captions (train split of a %d-image world):%n", captions.size(), TestWorld.IMAGES);
        System.out.printf("  %-16s %-9s %8s %8s %9s   %s%n", "rewriter", "polarity", "rewrites", "yield", "right", "with caption-union image graphs");
        for (String name : all.keySet()) {
            Rate r = truth.get(name);
            Rate u = union.get(name);
            System.out.printf("  %-16s %-9s %8d %7.1f%% %8.2f%%   %d rewrites, %.2f%% right%n", name, all.get(name).polarity().name().toLowerCase(),
                    r.total(), 100.0 * yieldOf(name), 100.0 * r.right() / Math.max(1, r.total()), u.total(),
                    100.0 * u.right() / Math.max(1, u.total()));
            r.samples().forEach(x -> System.out.println("      e.g. " + x));
            r.wrong().stream().limit(3).forEach(w -> System.out.println("      wrong: " + w));
        }
        for (String name : all.keySet()) {
            Rate r = truth.get(name);
            assertTrue(r.total() >= 100, name + " made only " + r.total() + " rewrites");
            assertTrue(r.right() >= 0.99 * r.total(), name + ": " + r.right() + " of " + r.total() + " right; " + r.wrong());
        }
    }

    private final Map<String, Integer> captionsWithRewrite = new LinkedHashMap<>();
    private int captionCount;

    private double yieldOf(String name) {
        return captionsWithRewrite.getOrDefault(name, 0) / (double) captionCount;
    }

    private Map<String, Rate> run(Map<String, RewriterProvider> all, List<Caption> captions, Map<String, ImageScene> scenes, CaptionParser parser,
                                  Function<String, SceneGraph> imageGraph) {
        SceneTruth world = SceneTruth.world();
        Map<String, Rate> out = new LinkedHashMap<>();
        boolean countYield = captionsWithRewrite.isEmpty();
        captionCount = captions.size();
        for (RewriterProvider p : all.values()) {
            Rewriter rw = p.create(new RewriterContext(parser, captions, Map.of(), 11));
            int total = 0;
            int right = 0;
            List<String> wrong = new ArrayList<>();
            List<String> samples = new ArrayList<>();
            for (int i = 0; i < captions.size(); i++) {
                Caption c = captions.get(i);
                ImageScene scene = scenes.get(c.imageId());
                RewriteRequest req = new RewriteRequest(c, parser.parse(c.text()), imageGraph.apply(c.imageId()));
                List<Rewrite> rewrites = rw.rewrite(req, new SplittableRandom(1000L * i + 17));
                if (countYield && !rewrites.isEmpty()) {
                    captionsWithRewrite.merge(p.name(), 1, Integer::sum);
                }
                for (Rewrite r : rewrites) {
                    ParsedCaption q = parser.parseCaption(r.text());
                    Truth t = world.evaluate(scene, q.graph());
                    if (q.negated()) {
                        t = t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : t;
                    }
                    Truth want = r.polarity() == Polarity.NEGATIVE ? Truth.FALSE : Truth.TRUE;
                    total++;
                    if (samples.size() < 2 && i % 97 == 5) {
                        samples.add("'" + c.text() + "' -> '" + r.text() + "' (" + r.detail() + ")");
                    }
                    if (t == want) {
                        right++;
                    } else {
                        wrong.add("'" + c.text() + "' -> '" + r.text() + "' (" + r.detail() + "): " + t);
                    }
                }
            }
            out.put(p.name(), new Rate(total, right, wrong, samples));
        }
        return out;
    }
}
