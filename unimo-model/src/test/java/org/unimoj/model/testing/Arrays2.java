package org.unimoj.model.testing;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded random arrays for tests. */
public final class Arrays2 {

    private Arrays2() {}

    public static INDArray gaussian(long seed, double std, DataType dtype, long... shape) {
        INDArray a = Nd4j.create(dtype, shape);
        Nd4j.getExecutioner().exec(new GaussianDistribution(a, 0.0, std), Nd4j.getRandomFactory().getNewRandomInstance(seed));
        return a;
    }

    public static double dot(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).mul(b.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
    }
}
