package org.unimoj.tasks.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.task.AttentionKind;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.GenerationSettings;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Pooling;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Target;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.tasks.engine.predict.PredictorSettings;
import org.unimoj.tasks.engine.predict.TaskPredictor;
import org.unimoj.tasks.engine.testing.ToyText;
import org.unimoj.tasks.engine.testing.Toys;

/**
 * Toy fine-tuning for every head kind, through the entry points the runtime uses: a (randomly
 * initialised, tiny) pre-training checkpoint, {@link TaskModel#fromPretrained}, {@link FineTuner}
 * on two lanes, then a {@link TaskPredictor} on held-out examples. Each run states its bound on
 * the loss (the mean of the last 20 steps, against the loss at chance) and on the held-out score,
 * and prints its figures.
 */
class ToyFineTuningTest {

    private static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    private static final List<String> OBJECTS = List.of("cat", "dog", "tree", "house", "bird", "boat");
    private static final List<String> FILLERS = List.of("the", "a", "ball", "car", "is", "big", "small", "on");
    private static final ToyText TEXT = new ToyText(concat(COLOURS, OBJECTS, FILLERS, List.of("dot", "what", "colour")));
    private static final UnimoConfig CONFIG = Toys.trainConfig(TEXT.vocabSize());
    private static final int BATCH = 16;

    @TempDir
    static Path pretrained;

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    private record Run(double firstLoss, double lastLoss, double lastMetric, double seconds) {}

    private static TaskModel model(HeadSpec head) {
        if (!java.nio.file.Files.exists(pretrained.resolve("config.json"))) {
            Toys.pretrainCheckpoint(pretrained, CONFIG, DataType.FLOAT, 1);
        }
        return TaskModel.fromPretrained(pretrained, head, 2);
    }

    private static Run train(TaskModel m, int steps, double lr, Function<SplittableRandom, EncodedExample> example) {
        SplittableRandom rnd = new SplittableRandom(3);
        double first = Double.NaN;
        double last = 0;
        double metric = 0;
        long t0 = System.nanoTime();
        try (FineTuner t = new FineTuner(m, FineTuneSettings.of(lr, steps / 10, steps, 4))) {
            for (int s = 0; s < steps; s++) {
                List<EncodedExample> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(example.apply(rnd));
                }
                StepResult r = t.step(batch);
                if (s == 0) {
                    first = r.loss();
                }
                if (s >= steps - 20) {
                    last += r.loss() / 20;
                    metric += r.metric() / 20;
                }
            }
        }
        return new Run(first, last, metric, (System.nanoTime() - t0) / 1e9);
    }

    private static int[] words(List<String> ws) {
        return ws.stream().mapToInt(TEXT::id).toArray();
    }

    private static void report(String what, Run r, String heldOut) {
        System.out.printf("toy fine-tuning %s: loss %.4f at step 1, %.4f over the last 20 steps (batch metric %.3f); %s; %.1f s%n",
                what, r.firstLoss(), r.lastLoss(), r.lastMetric(), heldOut, r.seconds());
    }

    /** "the big red ball ..." -> which colour word it holds (text pooling, one Linear, label smoothing 0.1). */
    @Test
    void classifyTheColourWord() {
        HeadSpec head = new HeadSpec.Classify(COLOURS.size(), Pooling.TEXT, 0, false, 0.1f);
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int k = rnd.nextInt(COLOURS.size());
            List<String> ws = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ws.add(FILLERS.get(rnd.nextInt(FILLERS.size())));
            }
            ws.set(rnd.nextInt(5), COLOURS.get(k));
            return EncodedExample.single("c", ModelInput.text(Toys.wrap(words(ws))), new Target.ClassLabel(k));
        };
        TaskModel m = model(head);
        Run r = train(m, 100, 3e-3, example);
        double acc = accuracy(m, example, 200, (p, e) -> ((Prediction.Classes) p).argmax() == ((Target.ClassLabel) e.target()).label());
        report("classify (colour word)", r, String.format("held-out accuracy %.3f (chance 0.25)", acc));
        assertTrue(r.firstLoss() > 1.2, "starts near chance (ln 4 = 1.386): " + r.firstLoss());
        double optimum = smoothedOptimum(0.1, COLOURS.size());
        assertTrue(r.lastLoss() < optimum + 0.25, "loss falls within 0.25 of the optimum under label smoothing 0.1, "
                + optimum + ": " + r.lastLoss());
        assertTrue(acc >= 0.95, "held-out accuracy " + acc);
    }

    /** An image of colour k and "what colour": soft answer scores 1 for k and 0.3 for k+1 (pooled product, MLP, BCE). */
    @Test
    void classifyWithSoftLabels() {
        HeadSpec head = new HeadSpec.Classify(COLOURS.size(), Pooling.TEXT_IMAGE_PRODUCT, 32, true, 0f);
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int k = rnd.nextInt(COLOURS.size());
            float[] scores = new float[COLOURS.size()];
            scores[k] = 1f;
            scores[(k + 1) % scores.length] = 0.3f;
            return EncodedExample.single("v", ModelInput.imageText(Toys.classImage("i", k, CONFIG.featureDim(), rnd),
                    Toys.wrap(words(List.of("what", "colour")))), new Target.SoftLabels(scores));
        };
        TaskModel m = model(head);
        Run r = train(m, 100, 3e-3, example);
        double acc = accuracy(m, example, 200, (p, e) -> ((Target.SoftLabels) e.target()).scores()[((Prediction.Classes) p).argmax()] == 1f);
        report("classify (soft labels)", r, String.format("held-out accuracy %.3f (chance 0.25)", acc));
        assertTrue(r.firstLoss() > 2.0, "starts near chance (4 ln 2 = 2.77): " + r.firstLoss());
        assertTrue(r.lastLoss() < 1.0, "loss falls below 1.0 (the optimum, the binary entropy of the 0.3 score, is 0.611): " + r.lastLoss());
        assertTrue(acc >= 0.95, "held-out accuracy " + acc);
    }

    /** How many "dot" words a six-word sentence holds (0 to 4), regressed from the pooled text. */
    @Test
    void regressACount() {
        HeadSpec head = new HeadSpec.Regress(Pooling.TEXT, 32);
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int k = rnd.nextInt(5);
            List<String> ws = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ws.add(i < k ? "dot" : FILLERS.get(rnd.nextInt(FILLERS.size())));
            }
            java.util.Collections.shuffle(ws, new java.util.Random(rnd.nextLong()));
            return EncodedExample.single("r", ModelInput.text(Toys.wrap(words(ws))), new Target.Value(k));
        };
        TaskModel m = model(head);
        Run r = train(m, 150, 3e-3, example);
        double acc = accuracy(m, example, 200, (p, e) -> Math.round(((Prediction.Value) p).value()) == ((Target.Value) e.target()).value());
        report("regress (count)", r, String.format("held-out rounded-count accuracy %.3f (chance 0.2)", acc));
        assertTrue(r.firstLoss() > 2.0, "starts far off (the counts' variance is 2, their mean square 6): " + r.firstLoss());
        assertTrue(r.lastLoss() < 0.15, "mean squared error falls below 0.15: " + r.lastLoss());
        assertTrue(acc >= 0.9, "held-out accuracy " + acc);
    }

    /** An image of object k against four captions "a <object>": rank the matching one first (pooled product). */
    @Test
    void rankTheMatchingCaption() {
        HeadSpec head = new HeadSpec.Rank(Pooling.TEXT_IMAGE_PRODUCT);
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int k = rnd.nextInt(OBJECTS.size());
            var img = Toys.classImage("i", k, CONFIG.featureDim(), rnd);
            List<Integer> others = new ArrayList<>();
            for (int j = 0; j < OBJECTS.size(); j++) {
                if (j != k) {
                    others.add(j);
                }
            }
            java.util.Collections.shuffle(others, new java.util.Random(rnd.nextLong()));
            int pos = rnd.nextInt(4);
            List<ModelInput> group = new ArrayList<>();
            for (int c = 0, o = 0; c < 4; c++) {
                int obj = c == pos ? k : others.get(o++);
                group.add(ModelInput.imageText(img, Toys.wrap(words(List.of("a", OBJECTS.get(obj))))));
            }
            return new EncodedExample("g", group, new Target.Ranking(pos));
        };
        TaskModel m = model(head);
        Run r = train(m, 150, 3e-3, example);
        // held out: each image against all six captions, scored one input at a time through the predictor
        SplittableRandom rnd = new SplittableRandom(99);
        int right = 0;
        int n = 60;
        try (TaskPredictor p = new TaskPredictor(m, TEXT, new PredictorSettings(32, 2))) {
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(OBJECTS.size());
                var img = Toys.classImage("t" + i, k, CONFIG.featureDim(), rnd);
                List<ModelInput> all = new ArrayList<>();
                for (String o : OBJECTS) {
                    all.add(ModelInput.imageText(img, Toys.wrap(words(List.of("a", o)))));
                }
                List<Prediction> s = p.predict(all);
                int best = 0;
                for (int j = 1; j < s.size(); j++) {
                    if (((Prediction.Score) s.get(j)).score() > ((Prediction.Score) s.get(best)).score()) {
                        best = j;
                    }
                }
                right += best == k ? 1 : 0;
            }
        }
        double acc = (double) right / n;
        report("rank (matching caption)", r, String.format("held-out R@1 over all 6 captions %.3f (chance 0.167)", acc));
        assertTrue(r.firstLoss() > 1.2, "starts near chance (ln 4 = 1.386): " + r.firstLoss());
        assertTrue(r.lastLoss() < 0.3, "loss falls below 0.3: " + r.lastLoss());
        assertTrue(acc >= 0.9, "held-out R@1 " + acc);
    }

    /** Seq2seq: "[CLS] a b c [SEP]" -> "a b c [SEP]", decoded with beam 2 by the predictor. */
    @Test
    void generateACopy() {
        GenerationSettings decode = new GenerationSettings(2, 0.6, 1, 5, false);
        HeadSpec head = new HeadSpec.Generate(AttentionKind.SEQ2SEQ, 0.1f, decode);
        List<String> alphabet = concat(COLOURS, OBJECTS.subList(0, 4));
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int[] w = new int[3];
            for (int i = 0; i < 3; i++) {
                w[i] = TEXT.id(alphabet.get(rnd.nextInt(alphabet.size())));
            }
            int[] source = Toys.wrap(w);
            int[] target = Toys.concat(w, new int[] {ToyText.SEP});
            return EncodedExample.single("s", new ModelInput(source, source.length, null, AttentionKind.SEQ2SEQ), new Target.Tokens(target));
        };
        TaskModel m = model(head);
        Run r = train(m, 300, 3e-3, example);
        double acc = generated(m, example, 60);
        report("generate (seq2seq copy)", r, String.format("held-out exact copies %.3f", acc));
        assertTrue(r.firstLoss() > 2.5, "starts near chance (ln " + TEXT.vocabSize() + " = " + Math.log(TEXT.vocabSize()) + "): " + r.firstLoss());
        double optimum = smoothedOptimum(0.1, TEXT.vocabSize());
        assertTrue(r.lastLoss() < optimum + 0.25, "token loss falls within 0.25 of the optimum under label smoothing 0.1 over "
                + TEXT.vocabSize() + " ids, " + optimum + ": " + r.lastLoss());
        assertTrue(acc >= 0.9, "held-out exact copies " + acc);
    }

    /** Captioning: an image of object k -> "a <object> [SEP]" from the prompt [CLS]. */
    @Test
    void generateACaption() {
        GenerationSettings decode = new GenerationSettings(3, 0.6, 1, 4, false);
        HeadSpec head = new HeadSpec.Generate(AttentionKind.CAPTION, 0f, decode);
        Function<SplittableRandom, EncodedExample> example = rnd -> {
            int k = rnd.nextInt(OBJECTS.size());
            return EncodedExample.single("p", new ModelInput(new int[] {ToyText.CLS}, 1, Toys.classImage("i", k, CONFIG.featureDim(), rnd),
                    AttentionKind.CAPTION), new Target.Tokens(Toys.concat(words(List.of("a", OBJECTS.get(k))), new int[] {ToyText.SEP})));
        };
        TaskModel m = model(head);
        Run r = train(m, 100, 3e-3, example);
        double acc = generated(m, example, 60);
        report("generate (caption)", r, String.format("held-out exact captions %.3f (chance 0.167)", acc));
        assertTrue(r.lastLoss() < 0.2, "token loss falls below 0.2: " + r.lastLoss());
        assertTrue(acc >= 0.9, "held-out exact captions " + acc);
    }

    /** The least cross-entropy against targets smoothed by {@code e} over {@code classes}: their entropy. */
    private static double smoothedOptimum(double e, int classes) {
        double p = 1 - e + e / classes;
        double q = e / classes;
        return -(p * Math.log(p) + (classes - 1) * q * Math.log(q));
    }

    private interface Check {
        boolean right(Prediction p, EncodedExample e);
    }

    private static double accuracy(TaskModel m, Function<SplittableRandom, EncodedExample> example, int n, Check check) {
        SplittableRandom rnd = new SplittableRandom(1234);
        List<EncodedExample> held = new ArrayList<>();
        List<ModelInput> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EncodedExample e = example.apply(rnd);
            held.add(e);
            in.add(e.inputs().get(0));
        }
        try (TaskPredictor p = new TaskPredictor(m, TEXT, new PredictorSettings(32, 2))) {
            List<Prediction> out = p.predict(in);
            int right = 0;
            for (int i = 0; i < n; i++) {
                right += check.right(out.get(i), held.get(i)) ? 1 : 0;
            }
            return (double) right / n;
        }
    }

    private static double generated(TaskModel m, Function<SplittableRandom, EncodedExample> example, int n) {
        SplittableRandom rnd = new SplittableRandom(4321);
        List<int[]> expected = new ArrayList<>();
        List<ModelInput> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EncodedExample e = example.apply(rnd);
            int[] t = ((Target.Tokens) e.target()).ids();
            expected.add(Arrays.copyOf(t, t.length - 1));
            in.add(e.inputs().get(0));
        }
        try (TaskPredictor p = new TaskPredictor(m, TEXT, new PredictorSettings(16, 2))) {
            List<Prediction.Text> out = p.generate(in);
            int right = 0;
            for (int i = 0; i < n; i++) {
                right += Arrays.equals(expected.get(i), out.get(i).ids()) ? 1 : 0;
            }
            return (double) right / n;
        }
    }
}
