package org.unimoj.plugins.cococaption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.ContextKeys;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.MetricReport;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.Target;
import org.unimoj.tasks.metrics.caption.CaptionMetrics;
import org.unimoj.tasks.metrics.io.CocoCaptionFiles;
import org.unimoj.tasks.testing.Fixtures;

class CaptionTaskTest {

    @TempDir
    static Path world;

    @TempDir
    Path work;

    @BeforeAll
    static void tinyWorld() {
        Fixtures.world(world, 40);
    }

    private CaptionTask open(Map<String, String> settings) {
        return (CaptionTask) new CaptionPlugin().open("", Fixtures.context(world, work, settings));
    }

    private static List<CaptionedImage> images(CaptionTask t, Split s) {
        try (Stream<CaptionedImage> st = t.images(s)) {
            return st.toList();
        }
    }

    /** A predictor that "generates" {@code caption(imageId)}. */
    private static Predictor generating(Function<String, String> caption) {
        return new Predictor() {
            @Override
            public List<Prediction> predict(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Prediction.Text> generate(List<ModelInput> inputs) {
                List<Prediction.Text> out = new ArrayList<>();
                for (ModelInput in : inputs) {
                    assertEquals(AttentionKind.CAPTION, in.attention());
                    assertEquals(1, in.sourceLength());
                    out.add(new Prediction.Text(new int[0], caption.apply(in.image().imageId()), 0));
                }
                return out;
            }

            @Override
            public List<float[]> embed(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void encodesTheImageWithClsAsSourceAndTheCaptionEndingInSepAsTarget() {
        CaptionTask t = open(Map.of(ContextKeys.MODEL_MAX_TEXT_LENGTH, "9", "min-length", "2"));
        assertEquals(new HeadSpec.Generate(AttentionKind.CAPTION, 0.1f, new GenerationSettings(5, 0.6, 2, 8, false)), t.head(),
                "beam 5, length penalty 0.6, at most the model's 9 positions minus [CLS]");
        List<CaptionExample> train;
        try (Stream<CaptionExample> s = t.read(Split.TRAIN)) {
            train = s.toList();
        }
        assertEquals(images(t, Split.TRAIN).stream().mapToInt(i -> i.captions().size()).sum(), train.size());
        Fixtures.Words words = new Fixtures.Words();
        for (CaptionExample e : train.subList(0, 10)) {
            EncodedExample x = t.encode(e);
            ModelInput in = x.inputs().get(0);
            assertArrayEquals(new int[] {0}, in.textIds());
            assertEquals(1, in.sourceLength());
            assertEquals(AttentionKind.CAPTION, in.attention());
            assertEquals(e.imageId(), in.image().imageId());
            int[] body = words.encode(e.text());
            int[] target = ((Target.Tokens) x.target()).ids();
            int n = Math.min(body.length, 7);
            assertEquals(n + 1, target.length);
            assertEquals(2, target[n], "[SEP] ends the target");
            assertEquals(n, Arrays.stream(target).filter(id -> id >= 5).count());
        }
    }

    @Test
    void scoresGeneratedCaptionsAgainstAllReferencesAndWritesCocoResults() throws IOException {
        CaptionTask t = open(Map.of());
        List<CaptionedImage> test = images(t, Split.TEST);
        Map<String, String> firstCaption = new LinkedHashMap<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (CaptionedImage im : test) {
            firstCaption.put(im.imageId(), im.captions().get(0).text());
            refs.put(im.imageId(), im.captions().stream().map(Caption::text).toList());
        }
        Predictor p = generating(firstCaption::get);
        MetricReport r = t.evaluate(Split.TEST, p);
        assertEquals(test.size(), r.count());
        assertEquals("CIDEr-D", r.primary().getKey());
        CaptionMetrics.standard().evaluate(refs, firstCaption).values().forEach((k, v) -> assertEquals(v, r.get(k), 1e-12, k));
        assertTrue(r.get("BLEU-4") > 0.5, "a reference scores high against the references it is one of: " + r.values());
        double spice = CaptionMetrics.withSpice(org.unimoj.augment.parse.CaptionParser.standard()).evaluate(refs, firstCaption).get("SPICE");
        assertEquals(spice, r.get("SPICE"), 1e-12);
        assertTrue(spice > 0.3 && spice <= 1, "SPICE of a reference against its own references: " + spice);
        MetricReport without = open(Map.of("spice", "false")).evaluate(Split.TEST, p);
        assertFalse(without.values().containsKey("SPICE"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> open(Map.of("spice", "yes please")));

        Path file = t.writeResults(Split.TEST, p, work.resolve("results"));
        CocoCaptionFiles.Results read = CocoCaptionFiles.results(file);
        assertEquals(firstCaption, read.captions());
    }

    @Test
    void theBaselineCaptionsEachImageWithTheFirstCaptionOfItsNearestTrainingImage() {
        CaptionTask t = open(Map.of());
        // On the training split each image is its own nearest neighbour: the baseline is the first caption of the image itself.
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (CaptionedImage im : images(t, Split.TRAIN)) {
            own.put(im.imageId(), im.captions().get(0).text());
            refs.put(im.imageId(), im.captions().stream().map(Caption::text).toList());
        }
        MetricReport b = t.evaluateBaseline(Split.TRAIN);
        CaptionMetrics.standard().evaluate(refs, own).values().forEach((k, v) -> assertEquals(v, b.get(k), 1e-12, k));
        MetricReport test = t.evaluateBaseline(Split.TEST);
        assertTrue(test.get("CIDEr-D") < b.get("CIDEr-D"), "another image's caption fits less well than the image's own");
    }
}
