/** The pre-training step (the model's data-parallel forward/backward and the optimizer) and its snapshots for checkpoints and evaluation. */
package org.unimoj.runtime.pretrain.step;
