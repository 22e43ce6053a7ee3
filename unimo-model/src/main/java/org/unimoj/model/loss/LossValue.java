package org.unimoj.model.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss and the gradient of the loss with respect to the loss's input.
 *
 * @param value    the loss
 * @param gradient same shape as the input
 * @param count    how many rows (or elements) the mean was taken over
 */
public record LossValue(double value, INDArray gradient, long count) {}
