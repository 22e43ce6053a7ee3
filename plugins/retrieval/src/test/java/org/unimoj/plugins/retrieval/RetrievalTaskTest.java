package org.unimoj.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.Target;
import org.unimoj.tasks.metrics.retrieval.RetrievalMetrics;
import org.unimoj.tasks.testing.Fixtures;

class RetrievalTaskTest {

    @TempDir
    static Path world;

    @TempDir
    Path work;

    @BeforeAll
    static void tinyWorld() {
        Fixtures.world(world, 60);
    }

    private RetrievalTask open(Map<String, String> settings) {
        return (RetrievalTask) new RetrievalPlugin().open("", Fixtures.context(world, work, settings));
    }

    /**
     * A model that knows which image each caption describes: the joint score is 1 for a true pair and
     * 0 otherwise (plus tiny noise), and the embeddings are the one-hot code of the image, blurred by
     * {@code blur} of Gaussian noise, so the first stage errs where the joint encoder does not.
     */
    private static final class Knowing implements Predictor {
        final Map<String, String> imageOfText = new HashMap<>();
        final Map<String, Integer> code = new HashMap<>();
        final double blur;
        long jointCalls;

        Knowing(TestCollection c, double blur) {
            this.blur = blur;
            for (int t = 0; t < c.textCount(); t++) {
                imageOfText.put(Arrays.toString(c.texts.get(t)), c.imageIds.get(c.textImage[t]));
            }
            for (int i = 0; i < c.imageCount(); i++) {
                code.put(c.imageIds.get(i), i);
            }
        }

        private static double noise(String key) {
            return new SplittableRandom(key.hashCode()).nextGaussian();
        }

        @Override
        public List<Prediction> predict(List<ModelInput> inputs) {
            List<Prediction> out = new ArrayList<>();
            for (ModelInput in : inputs) {
                String key = in.image().imageId() + "|" + Arrays.toString(in.textIds());
                boolean match = in.image().imageId().equals(imageOfText.get(Arrays.toString(in.textIds())));
                out.add(new Prediction.Score((float) ((match ? 1 : 0) + 1e-3 * noise(key))));
                jointCalls++;
            }
            return out;
        }

        @Override
        public List<Prediction.Text> generate(List<ModelInput> inputs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embed(List<ModelInput> inputs) {
            List<float[]> out = new ArrayList<>();
            for (ModelInput in : inputs) {
                String image = in.hasImage() ? in.image().imageId() : imageOfText.get(Arrays.toString(in.textIds()));
                String key = in.hasImage() ? "i" + image : "t" + Arrays.toString(in.textIds());
                SplittableRandom r = new SplittableRandom(key.hashCode());
                float[] v = new float[code.size()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) (blur * r.nextGaussian());
                }
                v[code.get(image)] += 1;
                out.add(v);
            }
            return out;
        }
    }

    @Test
    void topKeepsTheLargestBestFirstWithTiesToTheLowerIndex() {
        assertArrayEquals(new int[] {3, 1, 2}, CollectionRanking.top(new double[] {0, 5, 5, 7, -1}, 3));
        assertArrayEquals(new int[] {1, 0}, CollectionRanking.top(new double[] {1, 2}, 5));
        assertArrayEquals(new int[] {0}, CollectionRanking.top(new double[] {4, 4, 4}, 1));
    }

    @Test
    void withExactEmbeddingsBothModesFindEveryMatchAndTwoStageScoresFarFewerPairs() {
        RetrievalTask t = open(Map.of("top-k", "3"));
        TestCollection c = t.collection(Split.TEST);
        Knowing model = new Knowing(c, 0.0);
        CollectionRanking.Scored full = CollectionRanking.full(c, model);
        long fullCalls = model.jointCalls;
        CollectionRanking.Scored two = CollectionRanking.twoStage(c, model, 3);
        assertEquals((long) c.imageCount() * c.textCount(), fullCalls);
        assertEquals(two.jointPairs(), model.jointCalls - fullCalls);
        assertTrue(two.jointPairs() <= 3L * (c.imageCount() + c.textCount()));
        for (CollectionRanking.Scored s : List.of(full, two)) {
            assertEquals(1.0, RetrievalMetrics.imageRetrieval(s.imageRetrieval(), c.textImage).r1(), 1e-12);
            assertEquals(1.0, RetrievalMetrics.textRetrieval(s.textRetrieval(), c.textImage).r1(), 1e-12);
        }
    }

    @Test
    void twoStageRecallIsBoundedByWhatTheFirstStageKeepsAndEqualsFullScoringWhenItKeepsAll() {
        RetrievalTask t = open(Map.of());
        TestCollection c = t.collection(Split.TEST);
        Knowing model = new Knowing(c, 0.6);
        int k = 2;
        CollectionRanking.Scored two = CollectionRanking.twoStage(c, model, k);
        RetrievalMetrics.Direction firstIr = RetrievalMetrics.imageRetrieval(two.firstStage(), c.textImage);
        RetrievalMetrics.Direction ir = RetrievalMetrics.imageRetrieval(two.imageRetrieval(), c.textImage);
        assertTrue(firstIr.recallAt(k) < 1.0, "the blurred first stage misses some: " + firstIr.recallAt(k));
        assertEquals(firstIr.recallAt(k), ir.r1(), 1e-12, "a perfect joint encoder finds exactly the matches the first stage kept");
        CollectionRanking.Scored all = CollectionRanking.twoStage(c, model, c.textCount());
        CollectionRanking.Scored full = CollectionRanking.full(c, model);
        assertEquals(RetrievalMetrics.evaluate(full.imageRetrieval(), c.textImage), RetrievalMetrics.evaluate(all.imageRetrieval(), c.textImage));
        assertEquals(RetrievalMetrics.evaluate(full.textRetrieval(), c.textImage), RetrievalMetrics.evaluate(all.textRetrieval(), c.textImage));
    }

    @Test
    void twoStageReadOffTheFullMatrixEqualsRealReScoringForEveryK() {
        RetrievalTask t = open(Map.of());
        TestCollection c = t.collection(Split.TEST);
        Knowing model = new Knowing(c, 0.6);
        CollectionRanking.Scored full = CollectionRanking.full(c, model);
        for (int k = 1; k <= c.imageCount(); k++) {
            CollectionRanking.Scored real = CollectionRanking.twoStage(c, model, k);
            CollectionRanking.Scored read = CollectionRanking.twoStageFrom(real.firstStage(), full.imageRetrieval(), k);
            assertEquals(real.jointPairs(), read.jointPairs(), "k=" + k);
            assertTrue(Arrays.deepEquals(real.imageRetrieval(), read.imageRetrieval()), "k=" + k);
            assertTrue(Arrays.deepEquals(real.textRetrieval(), read.textRetrieval()), "k=" + k);
        }
    }

    @Test
    void evaluateReportsRecallsBothWaysAndBothModesAndTheResultsRankEachQuery() throws IOException {
        RetrievalTask t = open(Map.of("mode", "both", "top-k", "4"));
        TestCollection c = t.collection(Split.TEST);
        Knowing model = new Knowing(c, 0.0);
        MetricReport r = t.evaluate(Split.TEST, model);
        assertEquals("R_mean", r.primary().getKey());
        for (String k : List.of("IR@1", "IR@5", "IR@10", "TR@1", "TR@5", "TR@10", "joint IR@1", "joint TR@1")) {
            assertEquals(1.0, r.get(k), 1e-12, k);
        }
        assertTrue(r.get("seconds [joint]") > 0 && r.get("seconds [two-stage]") > 0);
        assertEquals(c.textCount(), r.count());
        Path file = t.writeResults(Split.TEST, model, work.resolve("results"));
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertEquals(c.textCount(), doc.get("image_retrieval").size());
        for (JsonNode q : doc.get("image_retrieval")) {
            assertEquals(q.get("image_id").asText(), q.get("ranked_image_ids").get(0).asText());
            assertEquals(Math.min(10, c.imageCount()), q.get("ranked_image_ids").size());
        }
        assertEquals(c.imageCount(), doc.get("text_retrieval").size());
    }

    @Test
    void trainingGroupsPutThePositiveFirstAndDrawNegativesOfOtherImagesTheSameWayEveryTime() {
        RetrievalTask t = open(Map.of("text-negatives", "2", "image-negatives", "1"));
        List<RetrievalExample> train;
        try (Stream<RetrievalExample> s = t.read(Split.TRAIN)) {
            train = s.toList();
        }
        for (RetrievalExample e : train.subList(0, 25)) {
            EncodedExample x = t.encode(e);
            assertEquals(new Target.Ranking(0), x.target());
            assertEquals(4, x.inputs().size());
            assertEquals(e.imageId(), x.inputs().get(0).image().imageId());
            assertArrayEquals(t.encode(e).inputs().get(1).textIds(), x.inputs().get(1).textIds(), "deterministic");
            int[] own = x.inputs().get(0).textIds();
            for (int j = 1; j <= 2; j++) {
                assertEquals(e.imageId(), x.inputs().get(j).image().imageId(), "a text negative pairs this image");
            }
            assertNotEquals(e.imageId(), x.inputs().get(3).image().imageId(), "an image negative is another image");
            assertArrayEquals(own, x.inputs().get(3).textIds());
        }
    }

    @Test
    void rewrittenNegativesComeFromTheAugmentJobsFileAndPairTheCaptionsOwnImage() throws IOException {
        List<RetrievalExample> train;
        try (Stream<RetrievalExample> s = open(Map.of()).read(Split.TRAIN)) {
            train = s.toList();
        }
        Path file = work.resolve("augment.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        Map<String, List<String>> negatives = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            RetrievalExample e = train.get(i);
            // the negatives are other captions' texts, so the word tokenizer knows every word
            List<String> negs = List.of(train.get(20 + i).text(), train.get(40 + i).text(), train.get(60 + i).text());
            negatives.put(e.captionId(), negs);
            List<Map<String, String>> rw = negs.stream().map(n -> Map.of("text", n, "rewriter", "object-swap", "granularity", "word",
                    "polarity", "negative", "detail", "test")).toList();
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("caption_id", e.captionId());
            line.put("image_id", e.imageId());
            line.put("text", e.text());
            line.put("positives", List.of());
            line.put("negatives", rw);
            line.put("related_images", List.of());
            line.put("related_texts", List.of());
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        java.nio.file.Files.writeString(file, lines);
        RetrievalTask t = open(Map.of("text-negatives", "0", "image-negatives", "1", "in-batch-negatives", "0", "rewritten-negatives", "2",
                "rewrites-file", file.toString()));
        for (int i = 0; i < 12; i++) {
            RetrievalExample e = train.get(i);
            EncodedExample x = t.encode(e);
            List<String> negs = negatives.getOrDefault(e.captionId(), List.of());
            assertEquals(1 + Math.min(2, negs.size()) + 1, x.inputs().size(), "positive, rewritten negatives, one image negative");
            for (int j = 1; j <= Math.min(2, negs.size()); j++) {
                ModelInput in = x.inputs().get(j);
                assertEquals(e.imageId(), in.image().imageId(), "a rewritten negative pairs the caption's own image");
                assertTrue(negs.stream().anyMatch(n -> Arrays.equals(t.encode(new RetrievalExample("probe", e.imageId(), n)).inputs().get(0).textIds(),
                        in.textIds())), "a rewritten negative is one of the file's");
            }
            if (negs.size() >= 2) {
                assertFalse(Arrays.equals(x.inputs().get(1).textIds(), x.inputs().get(2).textIds()), "drawn without replacement");
            }
        }
        RetrievalTask missing = open(Map.of("rewritten-negatives", "1", "rewrites-file", work.resolve("none.jsonl").toString()));
        org.unimoj.data.io.DataError err = org.junit.jupiter.api.Assertions.assertThrows(org.unimoj.data.io.DataError.class,
                () -> missing.encode(train.get(0)));
        assertTrue(err.getMessage().contains("none.jsonl") && err.getMessage().contains("rewritten-negatives"), err.getMessage());
    }

    @Test
    void miningAddsTheMostSimilarCaptionAndImageOfOtherImagesInTheBatch() {
        RetrievalTask t = open(Map.of("text-negatives", "1", "image-negatives", "0", "in-batch-negatives", "1"));
        List<RetrievalExample> train;
        try (Stream<RetrievalExample> s = t.read(Split.TRAIN)) {
            train = s.toList();
        }
        List<EncodedExample> batch = train.subList(0, 12).stream().map(t::encode).toList();
        // Embeddings: images and captions on a line, so "most similar" is "nearest id"; pick by a fixed direction.
        Predictor geometric = new Predictor() {
            @Override
            public List<Prediction> predict(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Prediction.Text> generate(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<float[]> embed(List<ModelInput> inputs) {
                List<float[]> out = new ArrayList<>();
                for (ModelInput in : inputs) {
                    double a = in.hasImage() ? Integer.parseInt(in.image().imageId()) : Arrays.stream(in.textIds()).sum() % 97;
                    out.add(new float[] {(float) Math.cos(a), (float) Math.sin(a)});
                }
                return out;
            }
        };
        List<EncodedExample> mined = t.mine(batch, geometric);
        assertEquals(batch.size(), mined.size());
        for (int x = 0; x < batch.size(); x++) {
            EncodedExample before = batch.get(x);
            EncodedExample after = mined.get(x);
            assertEquals(before.inputs(), after.inputs().subList(0, before.inputs().size()), "the task's own candidates stay first");
            assertEquals(before.inputs().size() + 2, after.inputs().size());
            ModelInput pos = before.inputs().get(0);
            double ai = Integer.parseInt(pos.image().imageId());
            double at = Arrays.stream(pos.textIds()).sum() % 97;
            // expected hardest caption for this image: max cos(ai - a_text) over captions of other images in the batch
            double bestText = Double.NEGATIVE_INFINITY;
            double bestImage = Double.NEGATIVE_INFINITY;
            for (EncodedExample y : batch) {
                ModelInput py = y.inputs().get(0);
                if (py.image().imageId().equals(pos.image().imageId())) {
                    continue;
                }
                bestText = Math.max(bestText, Math.cos(ai - Arrays.stream(py.textIds()).sum() % 97));
                bestImage = Math.max(bestImage, Math.cos(Integer.parseInt(py.image().imageId()) - at));
            }
            ModelInput hardText = after.inputs().get(before.inputs().size());
            ModelInput hardImage = after.inputs().get(before.inputs().size() + 1);
            assertEquals(pos.image().imageId(), hardText.image().imageId());
            assertEquals(bestText, Math.cos(ai - Arrays.stream(hardText.textIds()).sum() % 97), 1e-5);
            assertArrayEquals(pos.textIds(), hardImage.textIds());
            assertNotEquals(pos.image().imageId(), hardImage.image().imageId());
            assertEquals(bestImage, Math.cos(Integer.parseInt(hardImage.image().imageId()) - at), 1e-5);
        }
    }

    @Test
    void theChanceBaselineRanksAtRandom() {
        RetrievalTask t = open(Map.of());
        MetricReport b = t.evaluateBaseline(Split.TEST);
        TestCollection c = t.collection(Split.TEST);
        int n = c.imageCount();
        assertTrue(b.get("IR@1") <= b.get("IR@5") && b.get("IR@5") <= b.get("IR@10"));
        // IR@10 of random scores is 10/n in expectation; with n images and 5n captions its standard deviation is below 0.1.
        assertEquals(Math.min(1.0, 10.0 / n), b.get("IR@10"), 0.2);
    }
}
