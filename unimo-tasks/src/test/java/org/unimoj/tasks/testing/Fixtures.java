package org.unimoj.tasks.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.unimoj.api.data.ReadPolicy;
import org.unimoj.api.task.ModelInput;
import org.unimoj.api.task.Prediction;
import org.unimoj.api.task.Predictor;
import org.unimoj.api.task.TaskContext;
import org.unimoj.api.text.TextEncoder;
import org.unimoj.data.world.ProgressListener;
import org.unimoj.data.world.WorldGenerator;
import org.unimoj.data.world.WorldSpec;

/**
 * A tiny embedded world, a whitespace tokenizer and predictors that need no model, for the task
 * plugins' tests (shipped in unimo-tasks' test jar).
 */
public final class Fixtures {

    private Fixtures() {}

    /** Writes a world of {@code images} images (16-d features, at most 6 regions) into {@code dir}. */
    public static Path world(Path dir, int images) {
        WorldSpec spec = WorldSpec.defaults(7, images).withFeatures(16, 6).withThreads(1);
        new WorldGenerator(spec, dir, ProgressListener.NONE).generate();
        return dir;
    }

    public static TaskContext context(Path data, Path work, Map<String, String> settings) {
        return new TaskContext(data, work, new Words(), settings, ReadPolicy.FAIL, 11);
    }

    /** Ids by first appearance of each lower-cased word, in RoBERTa's special-token layout. */
    public static final class Words implements TextEncoder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        @Override
        public synchronized int[] encode(String text) {
            String[] parts = text.toLowerCase().replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
            int[] out = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = ids.computeIfAbsent(parts[i], w -> {
                    words.add(w);
                    return 4 + words.size();
                });
            }
            return out;
        }

        @Override
        public synchronized String decode(int[] tokens) {
            StringBuilder b = new StringBuilder();
            for (int t : tokens) {
                if (t >= 5) {
                    b.append(b.length() == 0 ? "" : " ").append(words.get(t - 5));
                }
            }
            return b.toString();
        }

        @Override
        public int vocabSize() {
            return 1000;
        }

        @Override
        public int clsId() {
            return 0;
        }

        @Override
        public int sepId() {
            return 2;
        }

        @Override
        public int padId() {
            return 1;
        }

        @Override
        public int unkId() {
            return 3;
        }

        @Override
        public int maskId() {
            return 4;
        }
    }

    /** A predictor whose class probabilities come from {@code classes} (one-hot of the index it returns). */
    public static Predictor classes(int numClasses, Function<ModelInput, Integer> classes) {
        return new Predictor() {
            @Override
            public List<Prediction> predict(List<ModelInput> inputs) {
                List<Prediction> out = new ArrayList<>();
                for (ModelInput in : inputs) {
                    float[] p = new float[numClasses];
                    p[classes.apply(in)] = 1f;
                    out.add(new Prediction.Classes(p));
                }
                return out;
            }

            @Override
            public List<Prediction.Text> generate(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<float[]> embed(List<ModelInput> inputs) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
