/**
 * The task SPI. A downstream task is a {@link org.unimoj.api.task.TaskPlugin} in a jar of its own;
 * once opened it reads its data, encodes examples to {@link org.unimoj.api.task.ModelInput}s,
 * declares its head with a {@link org.unimoj.api.task.HeadSpec} and scores a split through a
 * {@link org.unimoj.api.task.Predictor}. The runtime does the rest (loading, training, checkpoints).
 */
package org.unimoj.api.task;
