package org.unimoj.tasks.engine.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.TensorType;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.pretrain.UnimoPretrainModel;

/** Tiny configurations, images and pre-training checkpoints for the engine's tests. */
public final class Toys {

    private Toys() {}

    /** For gradient checks: 2 layers, hidden 8, 2 heads, vocabulary 20, 8 text positions, features of 6, 3 regions, dropout on. */
    public static UnimoConfig gradConfig() {
        return new UnimoConfig("grad", 2, 8, 2, 16, 20, 10, 6, 3, 4, 0.1, 0.1, 1e-5, 0.3, 1, 0.2, true);
    }

    /** For toy fine-tuning: 2 layers, hidden 32, 2 heads, the toy vocabulary, 22 text positions, features of 8, 3 regions, no dropout. */
    public static UnimoConfig trainConfig(int vocab) {
        return new UnimoConfig("toy", 2, 32, 2, 64, vocab, 24, 8, 3, 5, 0.0, 0.0, 1e-5, 0.05, ToyText.PAD, 0.1, true);
    }

    /** An image whose regions carry a noisy code of class {@code k}: feature {@code k % dim} and {@code dim + k / dim} lit. */
    public static RegionFeatures classImage(String id, int k, int dim, SplittableRandom rnd) {
        int boxes = 2;
        float[] f = new float[boxes * dim];
        for (int j = 0; j < f.length; j++) {
            f[j] = (float) (0.3 * rnd.nextGaussian());
        }
        f[k % dim] += 2f;
        f[dim + (k / dim) % dim] += 2f;
        return RegionFeatures.of(id, 10, 10, dim, new float[] {0, 0, 5, 5, 5, 5, 10, 10}, f);
    }

    /** A seeded random image with {@code boxes} regions of {@code dim} features. */
    public static RegionFeatures randomImage(String id, int boxes, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] f = new float[boxes * dim];
        for (int j = 0; j < f.length; j++) {
            f[j] = (float) rnd.nextGaussian();
        }
        float[] b = new float[boxes * 4];
        for (int i = 0; i < boxes; i++) {
            b[4 * i] = 2 * i;
            b[4 * i + 1] = i;
            b[4 * i + 2] = 2 * i + 5;
            b[4 * i + 3] = i + 4;
        }
        return RegionFeatures.of(id, 20, 10, dim, b, f);
    }

    /** Saves a freshly initialised pre-training model of {@code config} to {@code dir} and returns it. */
    public static UnimoPretrainModel pretrainCheckpoint(Path dir, UnimoConfig config, DataType dtype, long seed) {
        UnimoPretrainModel m = UnimoPretrainModel.create(config, dtype, seed);
        Checkpoint.save(dir, config, m.parameters(), null, null, TensorType.F32);
        return m;
    }

    /** {@code [CLS] ids... [SEP]}. */
    public static int[] wrap(int... ids) {
        int[] out = new int[ids.length + 2];
        out[0] = ToyText.CLS;
        System.arraycopy(ids, 0, out, 1, ids.length);
        out[ids.length + 1] = ToyText.SEP;
        return out;
    }

    public static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
