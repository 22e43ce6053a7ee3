package org.unimoj.model.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every trainable parameter of a model, stored in two flat buffers (values and gradients) with
 * the weight-decayed parameters first. Layers register their parameters while they are built;
 * {@link #allocate(long)} then creates the buffers and initialises the values.
 *
 * <p>The flat layout lets the optimizer, gradient clipping and zeroing work on whole buffers, and
 * the decay group is the contiguous prefix {@code [0, decayedLength())}.
 */
@SuppressWarnings("try")
public final class ParameterStore {

    private final DataType dtype;
    private final List<Param> params = new ArrayList<>();
    private final Map<String, Param> byName = new LinkedHashMap<>();
    private INDArray values;
    private INDArray[] gradSlots;
    private long decayedLength;
    private final ThreadLocal<int[]> slot = ThreadLocal.withInitial(() -> new int[1]);

    public ParameterStore(DataType dtype) {
        if (!dtype.isFPType()) {
            throw new IllegalArgumentException("parameters need a floating-point type, got " + dtype);
        }
        this.dtype = dtype;
    }

    public DataType dataType() {
        return dtype;
    }

    /** Registers a parameter saved under its own name. */
    public Param create(String name, Init init, boolean decayed, long... shape) {
        return create(name, init, decayed, List.of(new Param.Export(name, 0, shape[0])), shape);
    }

    /**
     * Registers a parameter whose rows are saved in blocks under several names (a fused
     * projection); the blocks must tile dimension 0.
     */
    public Param create(String name, Init init, boolean decayed, List<Param.Export> exports, long... shape) {
        Objects.requireNonNull(name, "name");
        if (values != null) {
            throw new IllegalStateException("cannot add parameter " + name + " after allocate()");
        }
        if (shape.length == 0) {
            throw new IllegalArgumentException("parameter " + name + " needs a shape");
        }
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("parameter " + name + " has a non-positive dimension in its shape");
            }
        }
        long covered = 0;
        for (Param.Export e : exports) {
            if (e.rowFrom() != covered || e.rowTo() <= e.rowFrom()) {
                throw new IllegalArgumentException("exports of " + name + " must tile dimension 0 in order");
            }
            covered = e.rowTo();
        }
        if (covered != shape[0]) {
            throw new IllegalArgumentException("exports of " + name + " cover " + covered + " rows, the shape has " + shape[0]);
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter " + name);
        }
        Param p = new Param(name, shape, decayed, init, exports);
        params.add(p);
        byName.put(name, p);
        return p;
    }

    /**
     * Creates the flat buffers (outside any workspace) and initialises every parameter. Each
     * parameter draws from a random stream seeded by {@code seed} and its name, so the values do
     * not depend on the order layers were built in.
     */
    public void allocate(long seed) {
        if (values != null) {
            throw new IllegalStateException("parameters are already allocated");
        }
        List<Param> ordered = new ArrayList<>();
        for (Param p : params) {
            if (p.decayed()) {
                ordered.add(p);
            }
        }
        decayedLength = ordered.stream().mapToLong(Param::length).sum();
        for (Param p : params) {
            if (!p.decayed()) {
                ordered.add(p);
            }
        }
        params.clear();
        params.addAll(ordered);
        long total = params.stream().mapToLong(Param::length).sum();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            values = Nd4j.create(dtype, total);
            gradSlots = new INDArray[] {Nd4j.create(dtype, total)};
            Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
            bindViews();
            for (Param p : params) {
                initialise(p, rng, seed);
            }
        }
    }

    private void bindViews() {
        long offset = 0;
        for (Param p : params) {
            long n = p.length();
            INDArray v = values.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.shape());
            INDArray[] g = new INDArray[gradSlots.length];
            for (int s = 0; s < g.length; s++) {
                g[s] = gradSlots[s].get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.shape());
            }
            p.bind(this, v, g);
            offset += n;
        }
    }

    /**
     * Makes at least {@code n} gradient slots: independent flat gradient buffers, so that threads
     * working on shards of one batch accumulate without sharing memory. Slot 0 is the one the
     * optimizer reads; {@link #foldGradientSlots} adds the others into it.
     */
    public synchronized void ensureGradientSlots(int n) {
        requireAllocated();
        if (gradSlots.length >= n) {
            return;
        }
        INDArray[] more = java.util.Arrays.copyOf(gradSlots, n);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (int s = gradSlots.length; s < n; s++) {
                more[s] = Nd4j.create(dtype, values.length());
            }
        }
        gradSlots = more;
        bindViews();
    }

    public int gradientSlots() {
        requireAllocated();
        return gradSlots.length;
    }

    /** Routes the calling thread's {@link Param#grad()} to slot {@code s}. */
    public void useGradientSlot(int s) {
        if (s < 0 || s >= gradSlots.length) {
            throw new IllegalArgumentException("gradient slot " + s + " outside [0, " + gradSlots.length + ")");
        }
        slot.get()[0] = s;
    }

    int currentSlot() {
        return slot.get()[0];
    }

    /** The flat gradient buffer of slot {@code s}. */
    public INDArray gradientSlot(int s) {
        requireAllocated();
        return gradSlots[s];
    }

    /**
     * Adds slots {@code 1..n-1} into slot 0 over the flat range {@code [from, to)} and zeroes them
     * there (callers split the range across threads).
     */
    public void foldGradientSlots(long from, long to) {
        requireAllocated();
        if (from >= to) {
            return;
        }
        INDArray target = gradSlots[0].get(NDArrayIndex.interval(from, to));
        for (int s = 1; s < gradSlots.length; s++) {
            INDArray src = gradSlots[s].get(NDArrayIndex.interval(from, to));
            target.addi(src);
            src.assign(0);
        }
    }

    private static void initialise(Param p, Random rng, long seed) {
        switch (p.init().kind()) {
            case CONSTANT -> p.value().assign(p.init().value());
            case NORMAL -> {
                rng.setSeed(SeedMixer.mix(seed, p.name()));
                INDArray tmp = Nd4j.createUninitialized(p.value().dataType(), p.shape());
                Nd4j.getExecutioner().exec(new GaussianDistribution(tmp, 0.0, p.init().value()), rng);
                p.value().assign(tmp);
            }
        }
    }

    public boolean isAllocated() {
        return values != null;
    }

    /** The parameters in flat-buffer order (decayed first once allocated). */
    public List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    public Param get(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return p;
    }

    /** All parameter values in one flat vector. */
    public INDArray values() {
        requireAllocated();
        return values;
    }

    /** All gradients (slot 0) in one flat vector, in the same layout as {@link #values()}. */
    public INDArray grads() {
        requireAllocated();
        return gradSlots[0];
    }

    /** Length of the weight-decayed prefix of the flat buffers. */
    public long decayedLength() {
        requireAllocated();
        return decayedLength;
    }

    public long size() {
        return params.stream().mapToLong(Param::length).sum();
    }

    /** Zeroes every gradient slot. */
    public void zeroGrads() {
        requireAllocated();
        for (INDArray g : gradSlots) {
            g.assign(0);
        }
    }

    /**
     * The tensors under their checkpoint names, in a stable order: views of the parameter values
     * (fused parameters contribute one view per exported row block).
     */
    public Map<String, INDArray> exportedTensors() {
        requireAllocated();
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        for (Param p : params) {
            if (p.exports().size() == 1) {
                out.put(p.exports().get(0).name(), p.value());
            } else {
                // blocks cut from the flat buffer: ND4J 1.0.0-M2.1's get(interval) on the parameter's own view
                // returns an empty array for some blocks, depending on where the view starts in the buffer
                long[] shape = p.shape();
                long rowLength = p.length() / shape[0];
                for (Param.Export e : p.exports()) {
                    long[] block = shape.clone();
                    block[0] = e.rowTo() - e.rowFrom();
                    out.put(e.name(), values.get(NDArrayIndex.interval(offset + e.rowFrom() * rowLength, offset + e.rowTo() * rowLength))
                            .reshape('c', block));
                }
            }
            offset += p.length();
        }
        return out;
    }

    private void requireAllocated() {
        if (values == null) {
            throw new IllegalStateException("parameters are not allocated yet (call allocate)");
        }
    }
}
