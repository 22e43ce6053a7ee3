package org.unimoj.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;

/** A lookup table {@code [rows, dim]}; the backward pass scatter-adds rows, so repeated ids add up. */
public final class Embedding {

    private final Param table;

    public Embedding(ParameterStore store, String name, long rows, long dim, double initStd) {
        this(store.create(name, Init.normal(initStd), true, rows, dim));
    }

    public Embedding(Param table) {
        if (table.shape().length != 2) {
            throw new IllegalArgumentException("embedding " + table.name() + " must be 2-d");
        }
        this.table = table;
    }

    public Param table() {
        return table;
    }

    public long rows() {
        return table.shape()[0];
    }

    public long dim() {
        return table.shape()[1];
    }

    /** The rows of {@code ids} (an int array) as a new {@code [n, dim]}. */
    public INDArray forward(INDArray ids) {
        checkIds(ids);
        return Nd4j.exec(new Gather(table.value(), ids, 0))[0];
    }

    /** Adds {@code dy[i]} to row {@code ids[i]} of the gradient, for every {@code i}. */
    public void backward(INDArray ids, INDArray dy) {
        INDArray grad = table.grad();
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(grad, ids, Tensors.as(dy, grad.dataType())).addOutputs(grad).build());
    }

    /** Ids as an int32 vector for {@link #forward} and {@link #backward}. */
    public static INDArray ids(int[] ids) {
        return Nd4j.createFromArray(ids).castTo(DataType.INT32);
    }

    private void checkIds(INDArray ids) {
        if (ids.rank() != 1 || !ids.dataType().isIntType()) {
            throw new IllegalArgumentException("embedding " + table.name() + " expects a 1-d integer id vector");
        }
    }
}
