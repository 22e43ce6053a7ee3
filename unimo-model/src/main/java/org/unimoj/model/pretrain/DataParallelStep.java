package org.unimoj.model.pretrain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.heads.ContrastiveHead;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.SeedMixer;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.RangeExecutor;

/**
 * Forward and backward of one batch on {@code workers} threads: the batch is cut into contiguous
 * shards of examples, one per worker; each worker encodes its shard, the contrastive loss is
 * scored over the pooled vectors of all shards together (its negatives span shards), then each
 * worker runs its token and region heads and its backward pass into a gradient slot of its own,
 * and the slots are summed into slot 0 for the optimizer. Each objective's gradient is that of the
 * whole batch's mean (shard gradients are weighted by their share of the targets).
 *
 * <p>Meant to run with one thread per op ({@link org.unimoj.model.nn.EngineThreads#singleThreadedOps()}):
 * on this machine two single-threaded shards are about 1.7x faster than one shard with two
 * threads per op. Results are a deterministic function of (parameters, batch, seed, step) for a
 * given number of workers: shard k draws its dropout from (seed mixed with k, step), and slots are
 * summed in order.
 */
@SuppressWarnings("try")
public final class DataParallelStep implements AutoCloseable {

    private final UnimoPretrainModel model;
    private final ExecutorService[] lanes;
    private final MemoryWorkspace[] open;

    public DataParallelStep(UnimoPretrainModel model, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.model = model;
        this.lanes = new ExecutorService[workers];
        this.open = new MemoryWorkspace[workers];
        ParameterStore store = model.parameters();
        store.ensureGradientSlots(workers);
        for (int w = 0; w < workers; w++) {
            int slot = w;
            lanes[w] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "unimo-shard-" + slot);
                t.setDaemon(true);
                return t;
            });
            await(lanes[w].submit(() -> store.useGradientSlot(slot)));
        }
    }

    public int workers() {
        return lanes.length;
    }

    /**
     * Adds {@code gradScale} times the gradient of the batch's summed loss to gradient slot 0
     * (other slots are left zero) and returns the batch's losses.
     */
    public ObjectiveLosses forwardBackward(PretrainBatch batch, long seed, long step, double gradScale) {
        return forwardBackward(batch, seed, step, gradScale, 0, batch::weight);
    }

    /**
     * As {@link #forwardBackward(PretrainBatch, long, long, double)} for {@code batch} as one part
     * of a larger batch split across processes (multi-node data parallelism): each objective's
     * gradient is scaled by this part's targets over {@code totalWeight} (the whole batch's), so
     * the parts' gradients sum to the whole batch's; shard {@code k} draws its dropout as shard
     * {@code firstShard + k} of the whole, so n processes of w workers each repeat one process of
     * n*w workers. The returned losses are this part's shares of the whole batch's losses (they
     * sum over the parts). CMCL groups, if any, are scored within this part only.
     */
    public ObjectiveLosses forwardBackward(PretrainBatch batch, long seed, long step, double gradScale, int firstShard,
                                           java.util.function.ToDoubleFunction<Objective> totalWeight) {
        int n = batch.input().batchSize();
        int shards = Math.min(lanes.length, n);
        int[] from = new int[shards];
        int[] to = new int[shards];
        List<PretrainBatch> parts = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            from[s] = (int) ((long) n * s / shards);
            to[s] = (int) ((long) n * (s + 1) / shards);
            parts.add(batch.shard(from[s], to[s]));
        }
        Map<Objective, Double> share = shares(totalWeight);
        boolean cmcl = batch.cmcl() != null && !batch.cmcl().isEmpty();

        // phase 1: encode every shard; keep each pass in its worker's open workspace
        List<Future<double[][][]>> encoded = new ArrayList<>(shards);
        EncoderPass[] passes = new EncoderPass[shards];
        for (int s = 0; s < shards; s++) {
            int k = s;
            encoded.add(lanes[k].submit(() -> {
                open[k] = Workspaces.open("unimo-shard");
                try {
                    passes[k] = model.encoder().forward(parts.get(k).input(), StepRandom.forStep(SeedMixer.mix(seed, firstShard + k), step));
                    if (!cmcl) {
                        return null;
                    }
                    return new double[][][] {rows(passes[k].pooledImage(), parts.get(k).input().batchSize()),
                        rows(passes[k].pooledText(), parts.get(k).input().batchSize())};
                } catch (RuntimeException | Error e) {
                    closeOpen(k);
                    throw e;
                }
            }));
        }
        List<double[][][]> pooled = new ArrayList<>(shards);
        RuntimeException failure = null;
        for (Future<double[][][]> f : encoded) {
            try {
                pooled.add(await(f));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            for (int s = 0; s < shards; s++) {
                int k = s;
                await(lanes[k].submit(() -> closeOpen(k)));
            }
            throw failure;
        }

        // the contrastive loss over all shards, on this thread (its temperature gradient goes to slot 0)
        Map<Objective, Double> losses = new EnumMap<>(Objective.class);
        double[][] dImage = null;
        double[][] dText = null;
        if (cmcl) {
            try (MemoryWorkspace ignored = Workspaces.open("unimo-cmcl")) {
                INDArray images = Nd4j.create(concat(pooled, 0)).castTo(model.parameters().dataType());
                INDArray texts = Nd4j.create(concat(pooled, 1)).castTo(model.parameters().dataType());
                double cmclShare = totalWeight.applyAsDouble(Objective.CMCL) > 0
                        ? batch.weight(Objective.CMCL) / totalWeight.applyAsDouble(Objective.CMCL) : 1.0;
                ContrastiveHead.Result c = model.contrastiveHead().forwardBackward(images, texts, batch.cmcl(), gradScale * cmclShare);
                losses.put(Objective.CMCL, c.loss() * cmclShare);
                dImage = c.dPooledImage().toDoubleMatrix();
                dText = c.dPooledText().toDoubleMatrix();
            } catch (RuntimeException | Error e) {
                for (int s = 0; s < shards; s++) {
                    int k = s;
                    await(lanes[k].submit(() -> closeOpen(k)));
                }
                throw e;
            }
        }

        // phase 2: heads and backward per shard, each into its own gradient slot
        List<Future<Map<Objective, Double>>> done = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            int k = s;
            double[][] di = dImage == null ? null : java.util.Arrays.copyOfRange(dImage, from[k], to[k]);
            double[][] dt = dText == null ? null : java.util.Arrays.copyOfRange(dText, from[k], to[k]);
            done.add(lanes[k].submit(() -> {
                try {
                    PretrainBatch part = parts.get(k);
                    INDArray dpi = di == null || passes[k].pooledImage() == null ? null : Nd4j.create(di).castTo(model.parameters().dataType());
                    INDArray dpt = dt == null || passes[k].pooledText() == null ? null : Nd4j.create(dt).castTo(model.parameters().dataType());
                    return model.headsAndBackward(part, passes[k], o -> gradScale * share.getOrDefault(o, 0.0) * part.weight(o), true, dpi, dpt);
                } finally {
                    passes[k] = null;
                    closeOpen(k);
                }
            }));
        }
        List<Map<Objective, Double>> shardLosses = new ArrayList<>(shards);
        for (Future<Map<Objective, Double>> f : done) {
            shardLosses.add(await(f));
        }
        for (int s = 0; s < shards; s++) {
            for (Map.Entry<Objective, Double> e : shardLosses.get(s).entrySet()) {
                double w = parts.get(s).weight(e.getKey()) / totalWeight.applyAsDouble(e.getKey());
                losses.merge(e.getKey(), e.getValue() * w, Double::sum);
            }
        }
        fold();
        return new ObjectiveLosses(losses);
    }

    /**
     * The workers as a {@link RangeExecutor}: range {@code i} runs on worker {@code i}, so the
     * optimizer's update uses every core ({@code optimizer.apply(k, step.ranges())}).
     */
    public RangeExecutor ranges() {
        return new RangeExecutor() {
            @Override
            public int ranges() {
                return lanes.length;
            }

            @Override
            public void run(long total, RangeTask task) {
                List<Future<?>> fs = new ArrayList<>(lanes.length);
                for (int w = 0; w < lanes.length; w++) {
                    int i = w;
                    long a = total * w / lanes.length;
                    long b = total * (w + 1) / lanes.length;
                    fs.add(lanes[w].submit(() -> {
                        try (MemoryWorkspace ignored = Workspaces.open("unimo-range")) {
                            task.run(i, a, b);
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    await(f);
                }
            }
        };
    }

    /** Sums the workers' gradient slots into slot 0, each worker a range of the flat buffer. */
    private void fold() {
        ParameterStore store = model.parameters();
        if (store.gradientSlots() == 1) {
            return;
        }
        long total = store.grads().length();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < lanes.length; w++) {
            long a = total * w / lanes.length;
            long b = total * (w + 1) / lanes.length;
            fs.add(lanes[w].submit(() -> store.foldGradientSlots(a, b)));
        }
        for (Future<?> f : fs) {
            await(f);
        }
    }

    /** Each objective's weight in the whole batch: shard weight / batch weight scales a shard's mean loss. */
    private static Map<Objective, Double> shares(java.util.function.ToDoubleFunction<Objective> totalWeight) {
        Map<Objective, Double> m = new EnumMap<>(Objective.class);
        for (Objective o : Objective.values()) {
            double total = totalWeight.applyAsDouble(o);
            if (total > 0) {
                m.put(o, 1.0 / total);
            }
        }
        return m;
    }

    private void closeOpen(int k) {
        if (open[k] != null) {
            open[k].close();
            open[k] = null;
        }
    }

    private static double[][] rows(INDArray a, int n) {
        return a == null ? new double[n][] : a.toDoubleMatrix();
    }

    private static double[][] concat(List<double[][][]> pooled, int which) {
        int n = 0;
        int h = 0;
        for (double[][][] p : pooled) {
            n += p[which].length;
            for (double[] r : p[which]) {
                if (r != null) {
                    h = r.length;
                }
            }
        }
        double[][] out = new double[n][];
        int i = 0;
        for (double[][][] p : pooled) {
            for (double[] r : p[which]) {
                out[i++] = r == null ? new double[h] : r;
            }
        }
        return out;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a training shard", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        for (ExecutorService l : lanes) {
            l.shutdownNow();
        }
    }
}
