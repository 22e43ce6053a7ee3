package org.unimoj.tasks.engine.heads;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.api.task.Pooling;
import org.unimoj.model.encoder.EncoderPass;

/**
 * What a pooled head reads from an encoder pass: pooled text, pooled image, both concatenated
 * ({@code [text ; image]}, width {@code 2 * hidden}) or their elementwise product.
 */
public final class PooledFeatures {

    /** The features and the pooled vectors they were made from. */
    public record Out(INDArray x, INDArray pooledText, INDArray pooledImage) {}

    /** The gradients of the pooled vectors (null for one the pooling does not read). */
    public record Grads(INDArray dPooledText, INDArray dPooledImage) {}

    private final Pooling pooling;

    public PooledFeatures(Pooling pooling) {
        this.pooling = pooling;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** The feature width for an encoder of width {@code hidden}. */
    public int width(int hidden) {
        return pooling == Pooling.TEXT_IMAGE_CONCAT ? 2 * hidden : hidden;
    }

    public Out forward(EncoderPass pass) {
        INDArray t = pooling == Pooling.IMAGE ? null : require(pass.pooledText(), "text");
        INDArray i = pooling == Pooling.TEXT ? null : require(pass.pooledImage(), "image");
        INDArray x = switch (pooling) {
            case TEXT -> t;
            case IMAGE -> i;
            case TEXT_IMAGE_CONCAT -> Nd4j.concat(1, t, i);
            case TEXT_IMAGE_PRODUCT -> t.mul(i);
        };
        return new Out(x, t, i);
    }

    public Grads backward(Out o, INDArray dx) {
        return switch (pooling) {
            case TEXT -> new Grads(dx, null);
            case IMAGE -> new Grads(null, dx);
            case TEXT_IMAGE_CONCAT -> {
                long h = o.pooledText().size(1);
                yield new Grads(dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h)).dup('c'),
                        dx.get(NDArrayIndex.all(), NDArrayIndex.interval(h, 2 * h)).dup('c'));
            }
            case TEXT_IMAGE_PRODUCT -> new Grads(dx.mul(o.pooledImage()), dx.mul(o.pooledText()));
        };
    }

    private INDArray require(INDArray pooled, String what) {
        if (pooled == null) {
            throw new IllegalArgumentException("pooling " + pooling + " reads the pooled " + what + ", but the batch has no " + what);
        }
        return pooled;
    }
}
