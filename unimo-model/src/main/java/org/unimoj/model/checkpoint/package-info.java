/**
 * Checkpoints in the safetensors format and the checkpoint directory.
 *
 * <p>{@link org.unimoj.model.checkpoint.SafeTensors} reads and writes single files (8-byte
 * little-endian header length, JSON header, little-endian tensors; F32 and BF16 written, F32,
 * BF16, F16 and F64 read), atomically (temporary file, fsync, rename).
 *
 * <p>{@link org.unimoj.model.checkpoint.Checkpoint} lays a checkpoint out as a directory:
 * <pre>
 *   config.json            the model configuration (UnimoConfig) and the format version
 *   model.safetensors      every parameter; the text tower under Hugging Face RoBERTa names
 *                          (roberta.embeddings.*, roberta.encoder.layer.N.*, lm_head.*), the
 *                          image embedding, poolers and pre-training heads under unimo.*
 *   optimizer.safetensors  AdamW moments per parameter (exp_avg/NAME, exp_avg_sq/NAME) and, in
 *                          its metadata, the update count, the loss-scaler state and any entries
 *                          the caller adds (data position, run seed)
 * </pre>
 * Every file is written atomically and {@code config.json} last, so a directory with a
 * {@code config.json} is complete. {@link org.unimoj.model.checkpoint.RobertaWeights} initialises
 * the text tower from a Hugging Face {@code roberta-base} {@code model.safetensors}.
 */
package org.unimoj.model.checkpoint;
