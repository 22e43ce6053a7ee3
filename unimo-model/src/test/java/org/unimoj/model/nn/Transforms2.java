package org.unimoj.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

final class Transforms2 {
    private Transforms2() {}

    static INDArray sign(INDArray x) {
        return Transforms.sign(x, true);
    }
}
