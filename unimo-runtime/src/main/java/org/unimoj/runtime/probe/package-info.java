/**
 * Fine-grained probes of a pre-trained checkpoint that the embedded world makes possible.
 * {@link org.unimoj.runtime.probe.FoilProbe}: for each held-out caption, does the model's CMCL
 * space prefer the true caption over minimally different foils (one object, one attribute, one
 * relation changed, roles swapped, negated), per kind of foil.
 */
package org.unimoj.runtime.probe;
