package org.unimoj.data.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.EntailmentLabel;
import org.unimoj.api.data.LabeledText;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.SourceTarget;
import org.unimoj.api.data.Split;
import org.unimoj.api.data.TextRecord;
import org.unimoj.api.data.VisualEntailment;
import org.unimoj.api.data.VqaExample;
import org.unimoj.data.captions.CaptionTokens;
import org.unimoj.data.captions.CocoCaptionsReader;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.corpus.TextCorpusReader;
import org.unimoj.data.features.FeatureChecks;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.features.FeatureTsvLayout;
import org.unimoj.data.features.FeatureTsvReader;
import org.unimoj.data.glue.GlueLayout;
import org.unimoj.data.glue.GlueTsvReader;
import org.unimoj.data.io.KnownIds;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.data.scene.CaptionGraphJsonlReader;
import org.unimoj.data.scene.GroundedCaption;
import org.unimoj.data.scene.ImageScene;
import org.unimoj.data.scene.RegionTruth;
import org.unimoj.data.scene.SceneJsonlReader;
import org.unimoj.data.scene.SceneObject;
import org.unimoj.data.scene.SceneRelation;
import org.unimoj.data.scene.SceneTruth;
import org.unimoj.data.scene.Truth;
import org.unimoj.data.scene.Vocabulary;
import org.unimoj.data.snlive.SnliVeReader;
import org.unimoj.data.summarization.SummarizationTsvReader;
import org.unimoj.data.vqa.VqaReader;

/**
 * A generated world read back with the format readers and checked against its own scene graphs:
 * every caption true, every SNLI-VE label and VQA answer what the scene graph says (decided here
 * by code independent of the builders), every graph faithful to its words, every file readable.
 */
class WorldConsistencyTest {

    static Path dir;
    static WorldLayout layout;
    static WorldSpec spec;
    static final Map<String, ImageScene> scenes = new HashMap<>();
    static final SceneTruth truth = SceneTruth.world();
    static final Vocabulary v = Vocabulary.WORLD;

    @BeforeAll
    static void generate() throws IOException {
        dir = Files.createTempDirectory("world-consistency");
        spec = SmallWorld.spec(11, 400);
        SmallWorld.generate(spec, dir);
        layout = new WorldLayout(dir);
        for (String s : List.of("train", "val", "test", WorldLayout.IMAGE_ONLY)) {
            try (SceneJsonlReader r = SceneJsonlReader.open(layout.scenes(s), ReadOptions.failFast())) {
                r.forEachRemaining(x -> {
                    assertEquals(s, x.split());
                    scenes.put(x.imageId(), x);
                });
            }
        }
    }

    @AfterAll
    static void cleanUp() {
        SmallWorld.delete(dir);
    }

    @Test
    void splitsAreDisjointAndSizedAsAsked() throws IOException {
        Map<String, Set<String>> ids = new HashMap<>();
        for (String s : List.of("train", "val", "test", WorldLayout.IMAGE_ONLY)) {
            ids.put(s, new HashSet<>(Files.readAllLines(layout.splitIds(s))));
        }
        assertEquals(spec.testImages(), ids.get("test").size());
        assertEquals(spec.valImages(), ids.get("val").size());
        assertEquals(spec.trainImages(), ids.get("train").size());
        assertEquals(spec.imageOnly(), ids.get(WorldLayout.IMAGE_ONLY).size());
        Set<String> all = new HashSet<>();
        ids.values().forEach(all::addAll);
        assertEquals(spec.images() + spec.imageOnly(), all.size(), "no image in two splits");
        assertEquals(all, scenes.keySet());
    }

    @Test
    void everyCaptionIsTrueInItsImageAndItsGraphSaysExactlyItsWords() {
        Map<String, Integer> constructions = new TreeMap<>();
        Set<Integer> lengths = new HashSet<>();
        int n = 0;
        for (String s : List.of("train", "val", "test")) {
            try (CaptionGraphJsonlReader r = CaptionGraphJsonlReader.open(layout.captionGraphs(s), ReadOptions.failFast())) {
                while (r.hasNext()) {
                    GroundedCaption c = r.next();
                    ImageScene scene = scenes.get(c.imageId());
                    assertNotNull(scene, c.id());
                    assertEquals(CaptionTokens.of(c.raw()), c.graph().tokens(), c.raw());
                    assertEquals(Truth.TRUE, truth.evaluate(scene, c.graph()), c.raw() + " in image " + c.imageId());
                    GraphWords.check(c.graph(), c.raw());
                    constructions.merge(c.construction(), 1, Integer::sum);
                    lengths.add(c.graph().tokens().size());
                    n++;
                }
            }
        }
        assertEquals(spec.images() * spec.captionsPerImage(), n);
        assertTrue(constructions.size() >= 12, "varied grammar: " + constructions);
        assertTrue(lengths.size() >= 12, "varied lengths: " + lengths);
    }

    @Test
    void everySnliVeLabelFollowsFromTheSceneGraph() {
        Map<EntailmentLabel, Integer> labels = new TreeMap<>();
        int n = 0;
        for (String s : List.of("train", "val", "test")) {
            Map<String, GroundedCaption> graphs = new HashMap<>();
            try (CaptionGraphJsonlReader r = CaptionGraphJsonlReader.open(layout.hypothesisGraphs(s), ReadOptions.failFast())) {
                r.forEachRemaining(g -> graphs.put(g.id(), g));
            }
            Map<String, List<String>> captionsOf = new HashMap<>();
            try (KarpathyJsonReader r = KarpathyJsonReader.open(layout.karpathy(), ReadOptions.failFast())) {
                r.forEachRemaining(im -> captionsOf.put(im.imageId(), im.captions().stream().map(Caption::text).toList()));
            }
            try (SnliVeReader r = SnliVeReader.open(layout.snliVe(s), ReadOptions.failFast(), KnownIds.of(scenes.keySet(), "the scenes"))) {
                while (r.hasNext()) {
                    VisualEntailment e = r.next();
                    GroundedCaption g = graphs.get(e.pairId());
                    assertNotNull(g, "graph of " + e.pairId());
                    assertEquals(e.hypothesis(), g.raw());
                    assertEquals(CaptionTokens.of(g.raw()), g.graph().tokens());
                    GraphWords.check(g.graph(), g.raw());
                    assertTrue(captionsOf.get(e.imageId()).contains(e.premise()), "the premise is a caption of the image");
                    Truth t = truth.evaluate(scenes.get(e.imageId()), g.graph());
                    EntailmentLabel expected = t == Truth.TRUE ? EntailmentLabel.ENTAILMENT : t == Truth.FALSE ? EntailmentLabel.CONTRADICTION : EntailmentLabel.NEUTRAL;
                    assertEquals(expected, e.label(), e.hypothesis() + " (" + g.construction() + ") in image " + e.imageId());
                    labels.merge(e.label(), 1, Integer::sum);
                    n++;
                }
            }
        }
        assertEquals(spec.images() * spec.premisesPerImage() * 3, n);
        assertEquals(3, labels.size());
        labels.values().forEach(c -> assertEquals(spec.images() * spec.premisesPerImage(), c, "balanced labels " + labels));
    }

    // ---- VQA, answered here from the scene graph with regular expressions over the question ----

    static final Pattern IS_THERE = Pattern.compile("Is there an? (.+)\\?");
    static final Pattern HOW_MANY = Pattern.compile("How many (.+) are there\\?");
    static final Pattern COLOUR = Pattern.compile("What color is the (\\w+)\\?");
    static final Pattern MADE_OF = Pattern.compile("What is the (\\w+) made of\\?");
    static final Pattern PLACED = Pattern.compile("What is (on top of|under|next to) the (\\w+)\\?");
    static final Pattern DOING = Pattern.compile("What is the (\\w+) (.+)\\?");
    static final Pattern IS_THE = Pattern.compile("Is the (\\w+) (.+) the (\\w+)\\?");
    static final Map<String, String> MATERIAL = Map.of("wooden", "wood");

    static List<SceneObject> described(ImageScene scene, String phrase) {
        String[] w = phrase.split(" ");
        Vocabulary.Noun noun = v.noun(w[w.length - 1]);
        assertNotNull(noun, "noun in '" + phrase + "'");
        List<SceneObject> out = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            boolean ok = noun.classes().contains(o.className());
            for (int i = 0; i < w.length - 1; i++) {
                Vocabulary.Adjective a = v.adjective(w[i]);
                ok &= a != null && a.value().equals(o.attribute(a.family()));
            }
            if (ok) {
                out.add(o);
            }
        }
        return out;
    }

    static SceneObject only(List<SceneObject> xs, String what) {
        assertEquals(1, xs.size(), what + " must be unique");
        return xs.get(0);
    }

    static String predicateOf(String words) {
        for (Vocabulary.Predicate p : v.predicates()) {
            for (Vocabulary.Wording w : p.wordings()) {
                if (String.join(" ", w.participle()).equals(words)) {
                    return p.name();
                }
            }
        }
        throw new AssertionError("no predicate worded '" + words + "'");
    }

    static String answer(ImageScene scene, String q) {
        Set<SceneRelation> rel = scene.relationSet();
        Matcher m;
        if ((m = IS_THERE.matcher(q)).matches()) {
            return described(scene, m.group(1)).isEmpty() ? "no" : "yes";
        }
        if ((m = HOW_MANY.matcher(q)).matches()) {
            return String.valueOf(described(scene, m.group(1)).size());
        }
        if ((m = COLOUR.matcher(q)).matches()) {
            return only(described(scene, m.group(1)), q).attribute("colour");
        }
        if ((m = MADE_OF.matcher(q)).matches()) {
            String mat = only(described(scene, m.group(1)), q).attribute("material");
            return MATERIAL.getOrDefault(mat, mat);
        }
        if ((m = PLACED.matcher(q)).matches()) {
            SceneObject x = only(described(scene, m.group(2)), q);
            String p = predicateOf(m.group(1));
            List<SceneObject> subjects = new ArrayList<>();
            for (SceneObject a : scene.objects()) {
                if (rel.contains(new SceneRelation(a.id() == x.id() ? -1 : a.id(), p, x.id()))) {
                    subjects.add(a);
                }
            }
            return only(subjects, q).className();
        }
        if ((m = IS_THE.matcher(q)).matches()) {
            SceneObject s = only(described(scene, m.group(1)), q), o = only(described(scene, m.group(3)), q);
            return rel.contains(new SceneRelation(s.id(), predicateOf(m.group(2)), o.id())) ? "yes" : "no";
        }
        if ((m = DOING.matcher(q)).matches()) {
            SceneObject s = only(described(scene, m.group(1)), q);
            String p = predicateOf(m.group(2));
            List<SceneObject> objects = new ArrayList<>();
            for (SceneObject t : scene.objects()) {
                if (t.id() != s.id() && rel.contains(new SceneRelation(s.id(), p, t.id()))) {
                    objects.add(t);
                }
            }
            return only(objects, q).className();
        }
        throw new AssertionError("question of no known form: " + q);
    }

    @Test
    void everyVqaAnswerFollowsFromTheSceneGraph() {
        Map<String, Integer> types = new TreeMap<>();
        int n = 0, disagreements = 0;
        for (String s : List.of("train", "val", "test")) {
            try (VqaReader r = VqaReader.open(layout.vqaQuestions(s), layout.vqaAnnotations(s), ReadOptions.failFast(),
                    KnownIds.of(scenes.keySet(), "the scenes"))) {
                while (r.hasNext()) {
                    VqaExample q = r.next();
                    String expected = answer(scenes.get(q.imageId()), q.question());
                    assertEquals(expected, q.answer(), q.question() + " about image " + q.imageId());
                    assertEquals(10, q.answers().size());
                    Map<String, Integer> votes = new HashMap<>();
                    q.answers().forEach(a -> votes.merge(a, 1, Integer::sum));
                    int right = votes.getOrDefault(expected, 0);
                    for (Map.Entry<String, Integer> e : votes.entrySet()) {
                        if (!e.getKey().equals(expected)) {
                            assertTrue(e.getValue() < right, "the right answer is the most frequent: " + q);
                        }
                    }
                    assertTrue(right >= 3, "VQA accuracy of the right answer is 1");
                    disagreements += votes.size() > 1 ? 1 : 0;
                    String type = expected.equals("yes") || expected.equals("no") ? "yes/no" : expected.matches("\\d+") ? "number" : "other";
                    assertEquals(type, q.answerType(), q.question());
                    assertTrue(q.question().toLowerCase().startsWith(q.questionType()), q.questionType() + " / " + q.question());
                    types.merge(q.questionType(), 1, Integer::sum);
                    n++;
                }
            }
        }
        assertTrue(n >= spec.images() * 4, "about five questions an image: " + n);
        assertTrue(types.size() >= 6, "question types " + types);
        assertTrue(disagreements > n / 5 && disagreements < n, "annotators sometimes disagree: " + disagreements + " of " + n);
    }

    // ---- the files through the readers ----

    @Test
    void featureFilesMatchTheScenesAndCarryTheirClasses() {
        List<String> classes = v.detectorClasses();
        int objectRegions = 0, rightClass = 0;
        Map<String, double[]> centroid = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        List<Object[]> regions = new ArrayList<>();
        for (String s : List.of("train", "val", "test", WorldLayout.IMAGE_ONLY)) {
            try (FeatureTsvReader r = FeatureTsvReader.open(layout.features(s), ReadOptions.failFast(), FeatureTsvLayout.BOTTOM_UP_WITH_CLASS_PROBS,
                    FeatureChecks.defaults().withFeatureDim(spec.featureDim()).withNumClasses(classes.size()))) {
                while (r.hasNext()) {
                    RegionFeatures f = r.next();
                    ImageScene scene = scenes.get(f.imageId());
                    assertEquals(scene.width(), f.imageWidth());
                    assertEquals(scene.regions().size(), f.numBoxes());
                    assertTrue(f.numBoxes() <= spec.maxRegions());
                    for (int i = 0; i < f.numBoxes(); i++) {
                        RegionTruth t = scene.regions().get(i);
                        int best = 1;
                        for (int k = 1; k < classes.size(); k++) {
                            if (f.classProbs()[i * classes.size() + k] > f.classProbs()[i * classes.size() + best]) {
                                best = k;
                            }
                        }
                        assertEquals(t.detectedClass(), classes.get(best), "the scene records the detector's class");
                        if (t.object() >= 0) {
                            SceneObject o = scene.objects().get(t.object());
                            assertTrue(iou(f.boxes(), i, o) > 0.5, "region box near its object's box");
                            objectRegions++;
                            rightClass += classes.get(best).equals(o.className()) ? 1 : 0;
                            double[] x = new double[f.featureDim()];
                            for (int d = 0; d < x.length; d++) {
                                x[d] = f.features()[i * f.featureDim() + d];
                            }
                            regions.add(new Object[] {o.className(), x});
                            centroid.merge(o.className(), x.clone(), (a, b) -> {
                                for (int d = 0; d < a.length; d++) {
                                    a[d] += b[d];
                                }
                                return a;
                            });
                            members.merge(o.className(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        double accuracy = rightClass / (double) objectRegions;
        assertTrue(accuracy > 0.6 && accuracy < 0.995, "the detector is good but confuses similar classes: " + accuracy);
        // The features carry the class: nearest class centroid recovers it for most regions.
        int nearestRight = 0;
        for (Object[] reg : regions) {
            double[] x = (double[]) reg[1];
            String best = null;
            double bestD = Double.MAX_VALUE;
            for (Map.Entry<String, double[]> c : centroid.entrySet()) {
                double d = 0;
                int m = members.get(c.getKey());
                for (int k = 0; k < x.length; k++) {
                    double diff = x[k] - c.getValue()[k] / m;
                    d += diff * diff;
                }
                if (d < bestD) {
                    bestD = d;
                    best = c.getKey();
                }
            }
            nearestRight += best.equals(reg[0]) ? 1 : 0;
        }
        assertTrue(nearestRight > 0.8 * regions.size(), "features separate the classes: " + nearestRight + " of " + regions.size());
    }

    static double iou(float[] boxes, int i, SceneObject o) {
        double x1 = Math.max(boxes[4 * i], o.box().x1()), y1 = Math.max(boxes[4 * i + 1], o.box().y1());
        double x2 = Math.min(boxes[4 * i + 2], o.box().x2()), y2 = Math.min(boxes[4 * i + 3], o.box().y2());
        double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        double a = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
        return inter / (a + o.box().area() - inter);
    }

    @Test
    void everyFileReadsBackWithItsReader() {
        Map<Split, Set<String>> featureIds = new HashMap<>();
        for (Split s : Split.values()) {
            try (FeatureStore store = FeatureStore.open(layout.features(s.fileName()))) {
                featureIds.put(s, new HashSet<>(store.ids()));
                String any = store.ids().iterator().next();
                assertEquals(any, store.get(any).imageId());
            }
        }
        Set<String> all = new HashSet<>();
        featureIds.values().forEach(all::addAll);
        KnownIds known = KnownIds.of(all, "the feature files");
        int images = 0;
        try (KarpathyJsonReader r = KarpathyJsonReader.open(layout.karpathy(), ReadOptions.failFast(), known)) {
            while (r.hasNext()) {
                CaptionedImage im = r.next();
                assertTrue(featureIds.get(im.split()).contains(im.imageId()), "caption split = feature split");
                assertEquals(spec.captionsPerImage(), im.captions().size());
                for (int k = 0; k < im.captions().size(); k++) {
                    assertEquals(CaptionTokens.of(im.captions().get(k).text()), im.tokens().get(k));
                }
                images++;
            }
        }
        assertEquals(spec.images(), images);
        for (Split s : Split.values()) {
            try (CocoCaptionsReader r = CocoCaptionsReader.open(layout.cocoCaptions(s.fileName()), ReadOptions.failFast(),
                    KnownIds.of(featureIds.get(s), "features/" + s.fileName() + ".tsv"))) {
                assertEquals(featureIds.get(s).size() * spec.captionsPerImage(), r.readAll().size());
            }
        }
        try (TextCorpusReader r = TextCorpusReader.open(layout.corpus(), ReadOptions.failFast())) {
            List<TextRecord> lines = r.readAll();
            assertEquals(spec.corpusSentences(), lines.size());
            assertTrue(lines.stream().anyMatch(t -> t.text().contains(" often ")), "general statements");
        }
        String[] parts = {"train", "dev", "test"};
        for (int p = 0; p < 3; p++) {
            try (GlueTsvReader r = GlueTsvReader.open(layout.plausibility(parts[p]), GlueLayout.SST2, ReadOptions.failFast())) {
                List<LabeledText> xs = r.readAll();
                assertEquals(spec.classification()[p], xs.size());
                long ones = xs.stream().filter(x -> x.label().equals("1")).count();
                assertTrue(ones > 0 && ones < xs.size());
            }
            try (SummarizationTsvReader r = SummarizationTsvReader.open(layout.summarization(parts[p]), ReadOptions.failFast())) {
                List<SourceTarget> xs = r.readAll();
                assertEquals(spec.summarization()[p], xs.size());
                for (SourceTarget x : xs) {
                    assertTrue(x.source().length() > 2 * x.target().length(), "a paragraph and its summary: " + x);
                    for (String w : x.target().split(" ")) {
                        if (!GraphWords.FUNCTION_WORDS.contains(w) && v.predicate(w) == null && !isWording(w)) {
                            assertTrue(x.source().contains(w), "summary word '" + w + "' comes from the paragraph: " + x);
                        }
                    }
                }
            }
        }
    }

    static boolean isWording(String word) {
        for (Vocabulary.Predicate p : v.predicates()) {
            for (Vocabulary.Wording w : p.wordings()) {
                if (w.participle().contains(word) || w.present3().contains(word) || w.presentPl().contains(word) || w.passive().contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Captions are about what the regions show: matching a caption's nouns against each test
     * image's detected class distributions, with no learning at all, already finds its image far
     * above chance.
     */
    @Test
    void captionsCanBeMatchedToTheirImagesByTheDetectedClasses() {
        List<String> classes = v.detectorClasses();
        List<String> ids = new ArrayList<>();
        List<double[]> best = new ArrayList<>();
        try (FeatureTsvReader r = FeatureTsvReader.open(layout.features("test"), ReadOptions.failFast())) {
            while (r.hasNext()) {
                RegionFeatures f = r.next();
                double[] m = new double[classes.size()];
                for (int i = 0; i < f.numBoxes(); i++) {
                    for (int k = 0; k < m.length; k++) {
                        m[k] = Math.max(m[k], f.classProbs()[i * m.length + k]);
                    }
                }
                ids.add(f.imageId());
                best.add(m);
            }
        }
        int hits = 0, n = 0;
        try (CaptionGraphJsonlReader r = CaptionGraphJsonlReader.open(layout.captionGraphs("test"), ReadOptions.failFast())) {
            while (r.hasNext()) {
                GroundedCaption c = r.next();
                double[] score = new double[ids.size()];
                for (org.unimoj.api.text.SceneGraph.Entity e : c.graph().objects()) {
                    for (int i = 0; i < ids.size(); i++) {
                        double p = 0;
                        for (String cls : v.noun(e.name()).classes()) {
                            p += best.get(i)[classes.indexOf(cls)];
                        }
                        score[i] += Math.log(p + 1e-3);
                    }
                }
                int own = ids.indexOf(c.imageId());
                int rank = 0;
                for (double x : score) {
                    rank += x > score[own] ? 1 : 0;
                }
                hits += rank == 0 ? 1 : 0;
                n++;
            }
        }
        double recall = hits / (double) n;
        assertTrue(recall > 10.0 / ids.size(), "text-to-image R@1 " + recall + " over " + ids.size() + " images (chance " + 1.0 / ids.size() + ")");
    }

    @Test
    void imageOnlyImagesHaveNoCaptions() {
        Set<String> captioned = new HashSet<>();
        try (KarpathyJsonReader r = KarpathyJsonReader.open(layout.karpathy(), ReadOptions.failFast())) {
            r.forEachRemaining(im -> captioned.add(im.imageId()));
        }
        for (ImageScene s : scenes.values()) {
            assertEquals(!s.split().equals(WorldLayout.IMAGE_ONLY), captioned.contains(s.imageId()));
        }
        assertFalse(scenes.values().stream().anyMatch(s -> s.objects().size() < 2 || s.objects().size() > 8), "2-8 objects a scene");
    }
}
