package org.unimoj.runtime.pretrain.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.api.data.Caption;
import org.unimoj.api.data.CaptionedImage;
import org.unimoj.api.data.RegionFeatures;
import org.unimoj.api.data.Split;
import org.unimoj.api.task.ModelInput;
import org.unimoj.data.captions.KarpathyJsonReader;
import org.unimoj.data.features.FeatureStore;
import org.unimoj.data.io.DataError;
import org.unimoj.data.io.ReadOptions;
import org.unimoj.model.inference.EncoderSession;
import org.unimoj.runtime.pretrain.augment.Encoders;
import org.unimoj.runtime.pretrain.step.PretrainSnapshot;
import org.unimoj.runtime.train.Evaluation;
import org.unimoj.tasks.metrics.Scores;
import org.unimoj.tasks.metrics.retrieval.RetrievalMetrics;

/**
 * Zero-shot image-text retrieval on a held-out split, with no fine-tuning: every image is encoded
 * alone and every caption alone, as in pre-training's CMCL, and a pair scores the cosine of the two
 * pooled vectors. Reports R@1/5/10 both ways ({@link RetrievalMetrics}: IR = caption queries
 * ranking images, "text->image"; TR = image queries ranking captions, "image->text"), the mean and
 * median ranks and R_mean.
 */
public final class ZeroShotRetrieval implements Evaluation<PretrainSnapshot> {

    private final String name;
    private final List<RegionFeatures> images = new ArrayList<>();
    private final List<int[]> texts = new ArrayList<>();
    private final int[] textImage;
    private final int batch;

    /**
     * Reads the split's captions from the Karpathy file and its images' regions from the features
     * file (the first {@code maxImages} images of the split in caption-file order, or all for 0).
     */
    public ZeroShotRetrieval(String name, Path captions, Path features, Split split, int maxImages, Encoders encoders, int batch) {
        this.name = name;
        this.batch = batch;
        List<Integer> owner = new ArrayList<>();
        try (FeatureStore store = FeatureStore.open(features); KarpathyJsonReader r = KarpathyJsonReader.open(captions, ReadOptions.failFast())) {
            while (r.hasNext()) {
                CaptionedImage img = r.next();
                if (img.split() != split || img.captions().isEmpty()) {
                    continue;
                }
                if (maxImages > 0 && images.size() == maxImages) {
                    break;
                }
                RegionFeatures f = store.find(img.imageId()).orElseThrow(() -> new DataError(features, 0, "image_id",
                        "image " + img.imageId() + " of the " + split.fileName() + " captions has no region features here"));
                for (Caption c : img.captions()) {
                    texts.add(encoders.text(c.text()));
                    owner.add(images.size());
                }
                images.add(encoders.image(f));
            }
        }
        if (images.isEmpty()) {
            throw new DataError(captions, 0, "split", "no images of split '" + split.fileName() + "' to evaluate retrieval on");
        }
        this.textImage = owner.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return name;
    }

    public int images() {
        return images.size();
    }

    public int captions() {
        return texts.size();
    }

    @Override
    public Result evaluate(PretrainSnapshot snapshot) {
        EncoderSession session = new EncoderSession(snapshot.encoderForEvaluation());
        INDArray imageVectors = encode(session, images.size(), i -> ModelInput.image(images.get(i)), true);
        INDArray textVectors = encode(session, texts.size(), i -> ModelInput.text(texts.get(i)), false);
        double[][] scores = imageVectors.mmul(textVectors.transpose()).toDoubleMatrix();
        Scores s = RetrievalMetrics.evaluate(scores, textImage);
        Map<String, Double> m = new LinkedHashMap<>(s.values());
        String headline = String.format(Locale.ROOT, "text->image R@1/5/10 %.1f/%.1f/%.1f  image->text R@1/5/10 %.1f/%.1f/%.1f (%d images x %d captions)",
                100 * m.get("IR@1"), 100 * m.get("IR@5"), 100 * m.get("IR@10"), 100 * m.get("TR@1"), 100 * m.get("TR@5"), 100 * m.get("TR@10"),
                images.size(), texts.size());
        String report = String.format(Locale.ROOT,
                "zero-shot retrieval on %d images x %d captions (%s)%n  text->image  R@1 %5.1f%%  R@5 %5.1f%%  R@10 %5.1f%%  (median rank %.0f)%n"
                        + "  image->text  R@1 %5.1f%%  R@5 %5.1f%%  R@10 %5.1f%%  (median rank %.0f)",
                images.size(), texts.size(), name, 100 * m.get("IR@1"), 100 * m.get("IR@5"), 100 * m.get("IR@10"), m.get("IR_median_rank"),
                100 * m.get("TR@1"), 100 * m.get("TR@5"), 100 * m.get("TR@10"), m.get("TR_median_rank"));
        return new Result(m, headline, report);
    }

    /** L2-normalised pooled vectors, one row per input. */
    private INDArray encode(EncoderSession session, int n, java.util.function.IntFunction<ModelInput> input, boolean image) {
        int h = session.config().hidden();
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += batch) {
            List<ModelInput> in = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                in.add(input.apply(i));
            }
            float[][] pooled = session.pooled(in, image);
            for (int i = 0; i < pooled.length; i++) {
                out[from + i] = normalize(pooled[i], h);
            }
        }
        return Nd4j.create(out).castTo(DataType.FLOAT);
    }

    private static float[] normalize(float[] v, int h) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        double n = Math.sqrt(s);
        float[] o = new float[h];
        if (n > 0) {
            for (int i = 0; i < h; i++) {
                o[i] = (float) (v[i] / n);
            }
        }
        return o;
    }
}
