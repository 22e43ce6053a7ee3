package org.unimoj.model.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trainable tensor: its value and its gradient are views into the flat buffers of a
 * {@link ParameterStore}, so the optimizer updates every parameter with a few whole-buffer ops.
 *
 * <p>A parameter is saved under one name, or, when it fuses several tensors (the query, key and
 * value projections of an attention layer), under one name per block of rows ({@link #exports()}).
 */
public final class Param {

    /**
     * A block of rows of a parameter saved under its own name.
     *
     * @param name    the tensor name in checkpoints
     * @param rowFrom first row (inclusive) along dimension 0
     * @param rowTo   last row (exclusive)
     */
    public record Export(String name, long rowFrom, long rowTo) {}

    private final String name;
    private final long[] shape;
    private final boolean decayed;
    private final Init init;
    private final List<Export> exports;
    private INDArray value;
    private INDArray[] grads = new INDArray[0];
    private ParameterStore owner;

    Param(String name, long[] shape, boolean decayed, Init init, List<Export> exports) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.decayed = decayed;
        this.init = Objects.requireNonNull(init, "init");
        this.exports = List.copyOf(exports);
    }

    /** The parameter's own name (also its checkpoint name unless it has several exports). */
    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long length() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Whether AdamW's weight decay applies (not to biases and LayerNorm parameters). */
    public boolean decayed() {
        return decayed;
    }

    public Init init() {
        return init;
    }

    /** The names and row blocks this parameter is saved under. */
    public List<Export> exports() {
        return exports;
    }

    /** The current value; a view into the store's flat parameter buffer. */
    public INDArray value() {
        if (value == null) {
            throw new IllegalStateException("parameter " + name + " is not allocated yet (call ParameterStore.allocate)");
        }
        return value;
    }

    /**
     * The accumulated gradient: a view into the flat gradient buffer of the calling thread's
     * gradient slot (slot 0 unless {@link ParameterStore#useGradientSlot} chose another).
     */
    public INDArray grad() {
        if (owner == null) {
            throw new IllegalStateException("parameter " + name + " is not allocated yet (call ParameterStore.allocate)");
        }
        return grads[owner.currentSlot()];
    }

    void bind(ParameterStore owner, INDArray value, INDArray[] gradSlots) {
        this.owner = owner;
        this.value = value;
        this.grads = gradSlots;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
