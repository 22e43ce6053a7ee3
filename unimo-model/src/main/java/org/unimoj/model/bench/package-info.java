/**
 * The training-step benchmark behind {@code unimo bench train}: the model, batch, losses and
 * optimizer of {@code ../shared/bench/torch_reference.py}, timed the same way, printed in the same
 * one-line form.
 */
package org.unimoj.model.bench;
