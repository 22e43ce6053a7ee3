/**
 * The unified-modal Transformer of UNIMO on ND4J, written as layers with explicit forward and
 * backward passes (every matrix product through {@code Nd4j.gemm}).
 *
 * <ul>
 *   <li>{@link org.unimoj.model.nn} - building blocks: parameters, Linear, Embedding, LayerNorm,
 *       GELU, dropout, multi-head self-attention.</li>
 *   <li>{@link org.unimoj.model.loss} - losses returning value and gradient: softmax
 *       cross-entropy, MSE, KL against soft labels, the CMCL contrastive loss.</li>
 *   <li>{@link org.unimoj.model.encoder} - configuration and presets, batches of model inputs,
 *       attention masks, the encoder with its pooled outputs.</li>
 *   <li>{@link org.unimoj.model.heads} - pre-training heads: LM (MLM and seq2seq), MRM, CMCL.</li>
 *   <li>{@link org.unimoj.model.pretrain} - one call that runs forward and backward for the
 *       selected objectives of a batch.</li>
 *   <li>{@link org.unimoj.model.optim} - AdamW, learning-rate schedule, clipping, accumulation,
 *       loss scaling.</li>
 *   <li>{@link org.unimoj.model.checkpoint} - safetensors and the checkpoint directory.</li>
 *   <li>{@link org.unimoj.model.generate} - greedy and beam search with a key/value cache.</li>
 *   <li>{@link org.unimoj.model.inference} - forward-only encoding of model inputs.</li>
 *   <li>{@link org.unimoj.model.bench} - the training-step benchmark against PyTorch.</li>
 * </ul>
 */
package org.unimoj.model;
