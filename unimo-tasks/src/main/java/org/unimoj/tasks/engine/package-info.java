/**
 * The task engine: what turns a task plugin's declarations ({@link org.unimoj.api.task.Task#encode},
 * {@link org.unimoj.api.task.Task#head}, {@link org.unimoj.api.task.Task#evaluate}) into fine-tuning
 * and evaluation on the UNIMO encoder. The runtime's trainer and evaluator drive it; plugins never
 * call it (they see only the API's {@link org.unimoj.api.task.Predictor}).
 *
 * <h2>Fine-tuning ({@code unimo finetune})</h2>
 * <pre>{@code
 * Task<E> task = plugin.open(subtask, context);
 * TaskModel model = TaskModel.fromPretrained(pretrainCheckpointDir, task.head(), seed);   // encoder loaded, head fresh
 * FineTuneSettings settings = FineTuneSettings.of(peakLr, warmupUpdates, totalUpdates, seed);  // AdamW, clip 1, 2 workers
 * try (FineTuner tuner = new FineTuner(model, settings)) {
 *     for (List<E> rows : batches) {
 *         List<EncodedExample> batch = rows.stream().map(task::encode).toList();
 *         StepResult r = tuner.step(batch);     // r.loss(), r.metricName()/r.metric(), r.learningRate(), r.gradNorm()
 *     }
 *     tuner.save(runDir.resolve("ckpt"), Map.of("data_position", "..."));   // a task checkpoint
 * }
 * }</pre>
 * <ul>
 *   <li>{@link org.unimoj.tasks.engine.TaskModel#fromPretrained} reads any checkpoint directory of
 *       the model ({@code config.json} + {@code model.safetensors}): every encoder tensor must be
 *       there (and {@code lm_head.*} for a Generate head, which reuses the pre-trained tied LM
 *       head); pre-training heads are left unused; a task checkpoint's own head is never taken
 *       over. The overload with a {@code UnaryOperator<UnimoConfig>} may change dropout.</li>
 *   <li>{@link org.unimoj.tasks.engine.FineTuner#step} checks and pads the batch
 *       ({@link org.unimoj.tasks.engine.batch.TaskBatch}; a bad example is an
 *       {@code IllegalArgumentException} naming its id, and the step leaves no gradient behind),
 *       shards it over {@code workers} threads (ranking groups stay whole; at most
 *       {@code maxExamplesPerPass} examples per pass, gradients accumulating over passes), and
 *       applies one AdamW update with linear warm-up/decay and gradient-norm clipping. The loss is
 *       the batch mean (over examples, or over target tokens for generation) whatever the
 *       sharding. {@link org.unimoj.tasks.engine.FineTuner#score} gives the loss and metric of a
 *       batch without dropout or update (validation loss).</li>
 *   <li>Determinism: for fixed settings (seed, workers, maxExamplesPerPass) a step is a function of
 *       (parameters, optimizer state, batch): dropout of shard {@code k} at update {@code u} draws
 *       from {@code (mix(seed, k), u)} only. {@link org.unimoj.tasks.engine.FineTuner#resume}
 *       continues a saved run (parameters, head, AdamW moments, update count, the metadata passed
 *       to {@code save}) and repeats its losses exactly when fed the same batches; it refuses
 *       another seed.</li>
 *   <li>Threads: with more than one worker the engine sets ND4J and BLAS to one thread per op
 *       ({@link org.unimoj.model.nn.EngineThreads#singleThreadedOps()}), one shard per core being
 *       the fast path measured on this machine. Call {@code step} from one thread at a time; do not
 *       predict with the same model while a step runs.</li>
 * </ul>
 *
 * <h2>Evaluation ({@code unimo evaluate}, and evaluation during fine-tuning)</h2>
 * <pre>{@code
 * TaskModel model = TaskCheckpoint.load(taskCheckpointDir, task.head());   // or tuner.model() between steps
 * try (TaskPredictor predictor = new TaskPredictor(model, context.text(), PredictorSettings.defaults())) {
 *     MetricReport report = task.evaluate(Split.TEST, predictor);
 *     Path results = task.writeResults(Split.TEST, predictor, outputDir);
 * }
 * }</pre>
 * {@link org.unimoj.tasks.engine.TaskCheckpoint#load(java.nio.file.Path, org.unimoj.api.task.HeadSpec)}
 * checks that the saved head has the same layers as the task's (kind, classes, pooling, hidden
 * size, soft labels, generation mask) and takes label smoothing and decoding settings from the
 * task's head, so beam size or length limits may change at evaluation time;
 * {@link org.unimoj.tasks.engine.TaskCheckpoint#load(java.nio.file.Path)} takes the saved head as
 * it is. {@link org.unimoj.tasks.engine.predict.TaskPredictor} is the API's {@code Predictor}:
 * {@code predict} for Classify (softmax, or sigmoid for soft labels), Regress and Rank (one score per
 * input) heads, {@code generate} for Generate heads (beam search with the head's
 * {@link org.unimoj.api.task.GenerationSettings}, end-of-sequence = the tokenizer's [SEP], ids
 * returned without it, text decoded by the tokenizer), {@code embed} for any head (L2-normalised
 * pooled text of a text-only input, pooled image of an image-only input: CMCL space, for first-stage
 * retrieval). Inputs are checked first (errors name the input's index), chunked by shape and
 * spread over the workers; results come back in input order.
 *
 * <h2>What a plugin's {@code encode} should produce for each head</h2>
 * <ul>
 *   <li>{@link org.unimoj.api.task.HeadSpec.Classify}: one BIDIRECTIONAL input with the modalities
 *       the pooling reads; {@code ClassLabel} (softmax cross-entropy, label smoothing), or
 *       {@code SoftLabels} of length {@code numClasses} in [0, 1] with {@code softLabels = true}
 *       (sigmoid BCE summed over classes, averaged over examples: the VQA convention; label
 *       smoothing must be 0). Layers: pooled vector(s) -> dropout -> {@code Linear} (hidden 0) or
 *       {@code Linear -> GELU -> LayerNorm -> Linear}. Metric {@code accuracy} / {@code soft_score}.</li>
 *   <li>{@link org.unimoj.api.task.HeadSpec.Regress}: one input, {@code Value}; MSE; metric
 *       {@code mean_abs_error}.</li>
 *   <li>{@link org.unimoj.api.task.HeadSpec.Rank}: a group of at least two BIDIRECTIONAL inputs
 *       (the positive and its negatives) and {@code Ranking(positive)}; each input gets
 *       {@code Linear(pooled) -> score}, softmax cross-entropy over the group; metric
 *       {@code accuracy} (the positive strictly on top).</li>
 *   <li>{@link org.unimoj.api.task.HeadSpec.Generate}: one input with the head's attention
 *       (SEQ2SEQ: {@code [CLS] source [SEP]} as source; CAPTION: an image and {@code [CLS]} as
 *       source, {@code sourceLength = 1}) and {@code Tokens(target)}, the target ending with [SEP]
 *       so the model learns to stop. The input's text may carry the target after the source or the
 *       source alone (the engine appends the target). Loss: cross-entropy with label smoothing over
 *       target tokens through the tied LM head; metric {@code token_accuracy}. At prediction time
 *       the source plus {@code maxLength} must fit the model's text positions.</li>
 * </ul>
 *
 * <h2>Task checkpoint layout</h2>
 * The model's checkpoint directory ({@code config.json}, {@code model.safetensors} holding encoder,
 * {@code lm_head.*} for generation and {@code task.head.*}, {@code optimizer.safetensors} with the
 * AdamW moments and, in its header, the update count, {@code finetune_seed} and the caller's
 * metadata) plus {@code task.json}: {@code {"format": "unimo-j-task", "version": 1, "head": {"kind":
 * "classify", ...}}}, written before {@code config.json} (which is written last).
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@code engine} - {@link org.unimoj.tasks.engine.TaskModel}, {@link org.unimoj.tasks.engine.FineTuner},
 *       {@link org.unimoj.tasks.engine.FineTuneSettings}, {@link org.unimoj.tasks.engine.StepResult},
 *       {@link org.unimoj.tasks.engine.TaskCheckpoint}.</li>
 *   <li>{@link org.unimoj.tasks.engine.heads} - the heads, their losses and metrics.</li>
 *   <li>{@link org.unimoj.tasks.engine.batch} - checking and padding encoded examples.</li>
 *   <li>{@link org.unimoj.tasks.engine.predict} - the {@code Predictor}.</li>
 *   <li>{@link org.unimoj.tasks.engine.parallel} - worker lanes with gradient slots.</li>
 *   <li>{@link org.unimoj.tasks.engine.spec} - {@code HeadSpec} as JSON and head compatibility.</li>
 * </ul>
 */
package org.unimoj.tasks.engine;
