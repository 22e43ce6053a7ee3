/**
 * Building blocks with explicit forward and backward passes on ND4J arrays.
 *
 * <p>Conventions: activations are 2-d c-order arrays {@code [rows, features]}; a layer's
 * {@code forward} returns a small record holding its output and what its {@code backward} needs;
 * {@code backward} adds parameter gradients into {@link org.unimoj.model.nn.Param#grad()} (so
 * gradients accumulate across calls until {@link org.unimoj.model.nn.ParameterStore#zeroGrads()})
 * and returns the gradient of the input. Temporary arrays follow the dtype of the input, so the
 * same code runs in float32 for training and in float64 for gradient checks. Every matrix product
 * goes through {@code Nd4j.gemm}; no layer loops over elements in Java.
 */
package org.unimoj.model.nn;
