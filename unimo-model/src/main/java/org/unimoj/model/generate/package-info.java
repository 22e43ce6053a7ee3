/**
 * Generation under the seq2seq (UniLM) and captioning masks: {@link
 * org.unimoj.model.generate.GreedySearch} and {@link org.unimoj.model.generate.BeamSearch}
 * (length penalty {@code ((5 + len) / 6)^alpha}, minimum and maximum length, trigram blocking,
 * end-of-sequence handling, a batch of inputs times the beam in one model call per step) over a
 * {@link org.unimoj.model.generate.StepDecoder}. {@link org.unimoj.model.generate.CachedDecoder}
 * encodes the source once and keeps every layer's keys and values, so a step costs one token's
 * work; {@link org.unimoj.model.generate.RecomputingDecoder} re-encodes the whole sequence each
 * step (the reference the cache is tested against). {@link org.unimoj.model.generate.Generator}
 * picks the search from the settings.
 *
 * <p>An input's text is its source: the first {@code sourceLength} ids (at least one, e.g. [CLS]
 * for captioning); the output at the last source token predicts the first generated token.
 */
package org.unimoj.model.generate;
