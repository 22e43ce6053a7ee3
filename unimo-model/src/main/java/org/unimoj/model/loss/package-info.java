/**
 * Losses that return their value and the gradient of their input in one call: softmax
 * cross-entropy with label smoothing and an ignore index, mean squared error, KL divergence
 * against soft labels, sigmoid binary cross-entropy on soft labels, and CMCL's multi-positive
 * contrastive loss (with in-batch symmetric InfoNCE as a special case). Every loss is a mean, and
 * its gradient is that of the mean.
 */
package org.unimoj.model.loss;
