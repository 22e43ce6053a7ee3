package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** {@code max(x, 0)}. */
public final class Relu {

    private Relu() {}

    /** A new {@code max(x, 0)}. */
    public static INDArray forward(INDArray x) {
        return Transforms.relu(x, true);
    }

    /** {@code dy} where the output {@code y} is positive, 0 elsewhere. */
    public static INDArray backward(INDArray y, INDArray dy) {
        return Transforms.sign(y, true).muli(dy);
    }
}
