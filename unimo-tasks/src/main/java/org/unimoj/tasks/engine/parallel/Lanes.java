package org.unimoj.tasks.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.unimoj.model.nn.EngineThreads;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.Workspaces;
import org.unimoj.model.optim.RangeExecutor;

/**
 * One worker thread per core ("lane"), as the model's {@code DataParallelStep} uses them: task
 * {@code i} of a call runs on lane {@code i % size()}, tasks of one lane run in order, and results
 * come back in task order, so the outcome does not depend on thread timing. With
 * {@link #bindGradientSlots} lane {@code i} accumulates parameter gradients into gradient slot
 * {@code i} of a {@link ParameterStore}; {@link #foldGradients} sums them into slot 0.
 *
 * <p>More than one lane sets the engine to one thread per op
 * ({@link EngineThreads#singleThreadedOps()}): measured on this machine, one single-threaded shard
 * per core beats multithreaded ops.
 */
@SuppressWarnings("try")
public final class Lanes implements AutoCloseable {

    private final ExecutorService[] lanes;

    public Lanes(int workers, String name) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (workers > 1) {
            EngineThreads.singleThreadedOps();
        }
        lanes = new ExecutorService[workers];
        for (int w = 0; w < workers; w++) {
            String thread = name + "-" + w;
            lanes[w] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            });
        }
    }

    public int size() {
        return lanes.length;
    }

    /** Gives {@code store} one gradient slot per lane and routes lane {@code i}'s gradients to slot {@code i}. */
    public void bindGradientSlots(ParameterStore store) {
        store.ensureGradientSlots(lanes.length);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < lanes.length; w++) {
            int slot = w;
            tasks.add(() -> {
                store.useGradientSlot(slot);
                return null;
            });
        }
        runAll(tasks);
    }

    /**
     * Runs task {@code i} on lane {@code i % size()} and returns every result in task order. When
     * tasks fail, waits for the others and throws the first failure (in task order).
     */
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            futures.add(lanes[i % lanes.length].submit(tasks.get(i)));
        }
        List<T> out = new ArrayList<>(tasks.size());
        RuntimeException failure = null;
        Error error = null;
        for (Future<T> f : futures) {
            try {
                out.add(await(f));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            } catch (Error e) {
                error = error == null ? e : error;
            }
        }
        if (error != null) {
            throw error;
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** The lanes as a {@link RangeExecutor} for the optimizer: range {@code i} runs on lane {@code i}. */
    public RangeExecutor ranges() {
        return new RangeExecutor() {
            @Override
            public int ranges() {
                return lanes.length;
            }

            @Override
            public void run(long total, RangeTask task) {
                List<Callable<Void>> tasks = new ArrayList<>(lanes.length);
                for (int w = 0; w < lanes.length; w++) {
                    int i = w;
                    long a = total * w / lanes.length;
                    long b = total * (w + 1) / lanes.length;
                    tasks.add(() -> {
                        try (MemoryWorkspace ignored = Workspaces.open("unimo-task-range")) {
                            task.run(i, a, b);
                        }
                        return null;
                    });
                }
                runAll(tasks);
            }
        };
    }

    /** Sums every gradient slot of {@code store} into slot 0 (zeroing the others), a range per lane. */
    public void foldGradients(ParameterStore store) {
        if (store.gradientSlots() == 1) {
            return;
        }
        long total = store.grads().length();
        List<Callable<Void>> tasks = new ArrayList<>(lanes.length);
        for (int w = 0; w < lanes.length; w++) {
            long a = total * w / lanes.length;
            long b = total * (w + 1) / lanes.length;
            tasks.add(() -> {
                store.foldGradientSlots(a, b);
                return null;
            });
        }
        runAll(tasks);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
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
