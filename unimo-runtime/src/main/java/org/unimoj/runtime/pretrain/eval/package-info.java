/** Held-out evaluations of pre-training: zero-shot image-text retrieval (R@1/5/10 both ways). */
package org.unimoj.runtime.pretrain.eval;
