/**
 * Worker threads for the engine ({@link org.unimoj.tasks.engine.parallel.Lanes}): one lane per
 * core, each with its own gradient slot, deterministic task placement and result order; the
 * fine-tuning step shards a batch over them and the predictor spreads chunks of inputs.
 */
package org.unimoj.tasks.engine.parallel;
