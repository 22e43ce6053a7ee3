package org.unimoj.tasks.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.unimoj.api.task.EncodedExample;
import org.unimoj.api.task.HeadSpec;
import org.unimoj.model.checkpoint.Checkpoint;
import org.unimoj.model.checkpoint.CheckpointException;
import org.unimoj.model.checkpoint.LoadReport;
import org.unimoj.model.checkpoint.SafeTensors;
import org.unimoj.model.encoder.EncoderBatch;
import org.unimoj.model.encoder.EncoderPass;
import org.unimoj.model.encoder.UnimoConfig;
import org.unimoj.model.encoder.UnimoEncoder;
import org.unimoj.model.generate.Generator;
import org.unimoj.model.heads.LmHead;
import org.unimoj.model.nn.ParameterStore;
import org.unimoj.model.nn.StepRandom;
import org.unimoj.tasks.engine.batch.TaskBatch;
import org.unimoj.tasks.engine.heads.HeadOutcome;
import org.unimoj.tasks.engine.heads.TaskHead;

/**
 * The unified-modal encoder with one task's head, all parameters in one {@link ParameterStore}:
 * the encoder (and, for a {@link HeadSpec.Generate} head, the tied LM head {@code lm_head.*}) from
 * a pre-training checkpoint, the head fresh ({@code task.head.*}, seeded).
 *
 * <p>{@link #forwardBackward} runs one batch on the calling thread: encoder pass, head loss,
 * backward through head and encoder into the calling thread's gradient slot. {@link FineTuner}
 * shards batches over cores and applies the optimizer; {@link TaskCheckpoint} saves and loads.
 */
public final class TaskModel {

    private final UnimoConfig config;
    private final ParameterStore store;
    private final UnimoEncoder encoder;
    private final LmHead lm;
    private final TaskHead head;
    private LoadReport initialisation;

    private TaskModel(UnimoConfig config, HeadSpec spec, DataType dtype) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(spec, "head");
        this.store = new ParameterStore(dtype);
        this.encoder = new UnimoEncoder(store, config);
        this.lm = spec instanceof HeadSpec.Generate
                ? new LmHead(store, encoder.textEmbedding().words(), config.hidden(), config.layerNormEps(), config.initStd())
                : null;
        this.head = TaskHead.create(spec, store, config, lm);
    }

    /** A model with every parameter freshly initialised from {@code seed} (tests, training from scratch). */
    public static TaskModel create(UnimoConfig config, HeadSpec head, DataType dtype, long seed) {
        TaskModel m = new TaskModel(config, head, dtype);
        m.store.allocate(seed);
        return m;
    }

    /**
     * The encoder of the pre-training checkpoint in {@code checkpoint} under a fresh {@code head}
     * (initialised from {@code seed}), in float32.
     */
    public static TaskModel fromPretrained(Path checkpoint, HeadSpec head, long seed) {
        return fromPretrained(checkpoint, head, seed, DataType.FLOAT, UnaryOperator.identity());
    }

    /**
     * As {@link #fromPretrained(Path, HeadSpec, long)}, in {@code dtype} and with the checkpoint's
     * configuration passed through {@code adjust}, which may change dropout only (e.g.
     * {@code c -> c.withDropout(0.1, 0.1)}). Every encoder tensor must be in the file (and, for a
     * Generate head, the LM head's); pre-training heads in the file are left unused, and head
     * tensors of a task checkpoint are never taken over, so the head always starts fresh.
     */
    public static TaskModel fromPretrained(Path checkpoint, HeadSpec head, long seed, DataType dtype, UnaryOperator<UnimoConfig> adjust) {
        UnimoConfig saved = Checkpoint.readConfig(checkpoint);
        UnimoConfig config = adjust.apply(saved);
        if (!config.withDropout(saved.dropout(), saved.attentionDropout()).equals(saved)) {
            throw new IllegalArgumentException(checkpoint + ": only dropout may differ from the checkpoint's configuration, got " + config);
        }
        TaskModel m = create(config, head, dtype, seed);
        SafeTensors file = SafeTensors.open(checkpoint.resolve(Checkpoint.MODEL));
        Map<String, String> skipHead = new HashMap<>();
        for (String name : file.entries().keySet()) {
            if (name.startsWith(TaskHead.PREFIX + ".")) {
                skipHead.put(name, "(not taken over) " + name);
            }
        }
        LoadReport r = Checkpoint.load(file, m.store, skipHead);
        for (String missing : r.missing()) {
            if (!missing.startsWith(TaskHead.PREFIX + ".")) {
                throw new CheckpointException(file.file() + ": tensor " + missing + " is missing; the "
                        + (missing.startsWith("lm_head.") ? "generation head needs the pre-trained LM head" : "encoder needs every tensor"));
            }
        }
        m.initialisation = r;
        return m;
    }

    /** Loads every parameter from the task checkpoint in {@code dir} (used by {@link TaskCheckpoint}). */
    static TaskModel loadExact(Path dir, UnimoConfig config, HeadSpec head, DataType dtype) {
        TaskModel m = create(config, head, dtype, 0);
        Checkpoint.loadParameters(dir, m.store);
        m.initialisation = new LoadReport(List.copyOf(m.store.exportedTensors().keySet()), List.of(), List.of());
        return m;
    }

    public UnimoConfig config() {
        return config;
    }

    public HeadSpec head() {
        return head.spec();
    }

    public TaskHead taskHead() {
        return head;
    }

    public ParameterStore parameters() {
        return store;
    }

    public UnimoEncoder encoder() {
        return encoder;
    }

    /** The tied LM head (Generate heads only), else null. */
    public LmHead lmHead() {
        return lm;
    }

    /** What the initial load took from the checkpoint (null for a freshly created model). */
    public LoadReport initialisation() {
        return initialisation;
    }

    /** Checks {@code examples} against the head and pads them into one batch. */
    public TaskBatch batch(List<EncodedExample> examples) {
        return TaskBatch.of(examples, head.spec(), config);
    }

    /**
     * Forward and backward of {@code batch} on the calling thread: adds {@code gradScale} times the
     * gradient of the head's loss to the parameter gradients (the calling thread's slot).
     *
     * @param random the step's randomness (dropout); null runs without dropout
     */
    public HeadOutcome forwardBackward(TaskBatch batch, StepRandom random, double gradScale) {
        EncoderPass pass = encoder.forward(batch.input(), random);
        HeadOutcome o = head.run(pass, batch, random, gradScale, true);
        if (o.hasGradients()) {
            encoder.backward(pass, o.dSequence(), o.dPooledText(), o.dPooledImage());
        }
        return o.withoutGradients();
    }

    /** The loss and metric of {@code batch} under {@code random}'s dropout (null: none), gradients untouched. */
    public HeadOutcome loss(TaskBatch batch, StepRandom random) {
        return head.run(encoder.forward(batch.input(), random), batch, random, 1.0, false);
    }

    /** The encoder's pass over {@code batch} without dropout. */
    public EncoderPass encode(EncoderBatch batch) {
        return encoder.forward(batch, null);
    }

    /** A generator over this model's encoder and LM head (Generate heads only). */
    public Generator generator(int eos) {
        if (lm == null) {
            throw new UnsupportedOperationException("the task's head is " + head.spec().getClass().getSimpleName() + ", not Generate");
        }
        return new Generator(encoder, lm, eos);
    }
}
