package org.unimoj.model.encoder;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.Dropout;
import org.unimoj.model.nn.LayerNorm;
import org.unimoj.model.nn.Linear;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Tensors;

/**
 * Region embedding of UNIMO: {@code LN(Linear(feature) + Linear(location))} for a leading [IMG]
 * region (feature = mean of the image's regions, location (0, 0, 1, 1, 1)) and every region.
 * Inputs are data, so the backward pass only produces parameter gradients.
 */
public final class RegionEmbedding {

    /** The location feature of the [IMG] region: the whole image. */
    static final float[] IMAGE_BOX = {0f, 0f, 1f, 1f, 1f};

    /** Everything the backward pass needs. */
    public record Out(INDArray y, INDArray features, INDArray locations, LayerNorm.Out norm, Dropout.Out drop) {}

    private final Linear feature;
    private final Linear location;
    private final LayerNorm norm;
    private final Dropout dropout;

    public RegionEmbedding(ParameterStore store, UnimoConfig c) {
        this.feature = new Linear(store, "unimo.image_embeddings.feature", c.featureDim(), c.hidden(), true, c.initStd());
        this.location = new Linear(store, "unimo.image_embeddings.location", 5, c.hidden(), true, c.initStd());
        this.norm = new LayerNorm(store, "unimo.image_embeddings.LayerNorm", c.hidden(), c.layerNormEps());
        this.dropout = new Dropout(c.dropout());
    }

    public Linear feature() {
        return feature;
    }

    public Linear location() {
        return location;
    }

    /**
     * The region part of every row, {@code [batch * (1 + R), hidden]}.
     *
     * @param features  {@code [batch, R, featureDim]}, zeros at padding (null when R = 0)
     * @param locations {@code [batch, R, 5]} (null when R = 0)
     * @param counts    valid regions per example, {@link EncoderBatch#NO_IMAGE} for none
     */
    public Out forward(INDArray features, INDArray locations, int[] counts, int maxRegions, StepRandom random) {
        var dtype = feature.weight().value().dataType();
        int batch = counts.length;
        int slots = maxRegions + 1;
        long dim = feature.inFeatures();
        INDArray in = Tensors.empty(dtype, batch, slots, dim);
        INDArray loc = Tensors.zeros(dtype, batch, slots, 5);
        float[] imageCount = new float[batch];
        float[] imageBoxes = new float[batch * 5];
        for (int b = 0; b < batch; b++) {
            imageCount[b] = counts[b] > 0 ? 1f / counts[b] : 0f;
            if (counts[b] != EncoderBatch.NO_IMAGE) {
                System.arraycopy(IMAGE_BOX, 0, imageBoxes, b * 5, 5);
            }
        }
        loc.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all())
                .assign(Nd4j.createFromArray(imageBoxes).reshape('c', batch, 5).castTo(dtype));
        if (maxRegions > 0) {
            INDArray f = Tensors.as(features, dtype);
            in.get(NDArrayIndex.all(), NDArrayIndex.interval(1, slots), NDArrayIndex.all()).assign(f);
            loc.get(NDArrayIndex.all(), NDArrayIndex.interval(1, slots), NDArrayIndex.all()).assign(Tensors.as(locations, dtype));
            INDArray mean = f.sum(1).muliColumnVector(Nd4j.createFromArray(imageCount).reshape(batch, 1).castTo(dtype));
            in.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).assign(mean);
        } else {
            in.assign(0);
        }
        INDArray in2 = in.reshape('c', (long) batch * slots, dim);
        INDArray loc2 = loc.reshape('c', (long) batch * slots, 5);
        INDArray y = feature.forward(in2).addi(location.forward(loc2));
        LayerNorm.Out n = norm.forward(y);
        Dropout.Out d = dropout.forward(n.y(), random);
        return new Out(d.y(), in2, loc2, n, d);
    }

    /** Adds the parameter gradients; region inputs are data and get none. */
    public void backward(Out o, INDArray dy) {
        INDArray dn = norm.backward(o.norm(), dropout.backward(o.drop(), dy));
        feature.accumulateParamGrads(o.features(), dn);
        location.accumulateParamGrads(o.locations(), dn);
    }
}
